package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Variant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One center's side of a {@link PageFieldFault}: which of its products the fault picks (from the seed, the center and
 * the knob), what their pages show instead, and how many renders a {@code DIFFERENT_VALUE} has left per product.
 * The picks and counters start afresh whenever a new fault is set.
 */
final class PageFieldDrift {

    /** What a product page shows for its variants this render: field by field, the truth unless a fault says otherwise. */
    static final class Shown {

        static final Shown TRUTH = new Shown(null, Map.of());

        private final String field;
        /** variant (by identity: SKUs may be empty) → the value shown instead (Long, rendered as usual) or the text shown verbatim */
        private final Map<Variant, Object> overrides;

        private Shown(String field, Map<Variant, Object> overrides) {
            this.field = field;
            this.overrides = overrides;
        }

        private Object override(Variant v, String name) {
            return name.equals(field) ? overrides.get(v) : null;
        }

        /** The stock text of an HTML or JSON page. */
        String stock(Variant v) {
            Object o = override(v, "stock");
            return o == null ? v.stockText() : o instanceof Long n ? String.format("%,d", n) : (String) o;
        }

        /** The extra price cell of an HTML page: empty for none, else "+2,000원". */
        String extraPriceHtml(Variant v) {
            Object o = override(v, "extraPrice");
            if (o instanceof String text) {
                return text;
            }
            long amount = o == null ? v.extraPrice() : (Long) o;
            return amount == 0 ? "" : "+" + Html.won(amount);
        }

        /** The extra price of a JSON page: a number, or the unreadable text as a string. */
        Object extraPriceJson(Variant v) {
            Object o = override(v, "extraPrice");
            return o == null ? (Object) v.extraPrice() : o;
        }
    }

    /** A product whose page exists, as the fault sees it. */
    record ProductPage(long id, List<Variant> variants) {
    }

    private final Faults faults;
    private final long seed;
    private final String centerId;
    private PageFieldFault fault;
    /** product id → its drifted fields, in product and variant order */
    private Map<Long, List<DriftedField>> drifted = Map.of();
    private final Map<Long, Integer> rendersLeft = new HashMap<>();

    PageFieldDrift(Faults faults, long seed, String centerId) {
        this.faults = faults;
        this.seed = seed;
        this.centerId = centerId;
    }

    /** What product {@code p}'s page shows this render; counts the render against a {@code DIFFERENT_VALUE}. */
    synchronized Shown render(long productId, List<ProductPage> catalogue) {
        List<DriftedField> fields = current(catalogue).get(productId);
        if (fields == null) {
            return Shown.TRUTH;
        }
        if (fault.mode() == PageFieldFault.Mode.DIFFERENT_VALUE) {
            int left = rendersLeft.getOrDefault(productId, 0);
            if (left == 0) {
                return Shown.TRUTH;
            }
            rendersLeft.put(productId, left - 1);
        }
        List<Variant> variants = catalogue.stream().filter(p -> p.id() == productId).findFirst().orElseThrow().variants();
        Map<Variant, Object> overrides = new IdentityHashMap<>();
        for (int i = 0; i < variants.size(); i++) { // a product's drifted fields are its variants', in order
            DriftedField f = fields.get(i);
            overrides.put(variants.get(i), f.shownValue() != null ? (Object) f.shownValue() : f.shownText());
        }
        return new Shown(fault.field(), overrides);
    }

    /** The fields the fault in force changes on this center, with the renders each has left. */
    synchronized List<DriftedField> drifted(List<ProductPage> catalogue) {
        List<DriftedField> all = new ArrayList<>();
        for (List<DriftedField> fields : current(catalogue).values()) {
            for (DriftedField f : fields) {
                all.add(new DriftedField(f.productId(), f.row(), f.sku(), f.option(), f.field(), f.mode(), f.trueValue(),
                        f.shownValue(), f.shownText(), rendersLeft.getOrDefault(f.productId(), 0)));
            }
        }
        return all;
    }

    private Map<Long, List<DriftedField>> current(List<ProductPage> catalogue) {
        PageFieldFault set = faults.pageField();
        PageFieldFault now = set != null && set.center() != null && !set.center().equals(centerId) ? null : set;
        if (now != fault) { // a fault set anew starts over, even an equal one
            fault = now;
            rendersLeft.clear();
            drifted = now == null ? Map.of() : pick(now, catalogue);
            if (now != null && now.mode() == PageFieldFault.Mode.DIFFERENT_VALUE) {
                drifted.keySet().forEach(id -> rendersLeft.put(id, now.renders()));
            }
        }
        return drifted;
    }

    private Map<Long, List<DriftedField>> pick(PageFieldFault f, List<ProductPage> catalogue) {
        List<ProductPage> candidates = new ArrayList<>(catalogue);
        Random random = new Random(seed * 1_000_003L + centerId.hashCode() * 31L + f.field().hashCode() * 7L
                + f.mode().ordinal());
        Collections.shuffle(candidates, random);
        int count = Math.min(candidates.size(), Math.max(1, (int) Math.round(f.share() * candidates.size())));
        Set<Long> picked = new LinkedHashSet<>();
        candidates.subList(0, count).forEach(p -> picked.add(p.id()));
        Map<Long, List<DriftedField>> result = new LinkedHashMap<>();
        for (ProductPage p : catalogue) {
            if (!picked.contains(p.id())) {
                continue;
            }
            Random values = new Random(seed * 7_919L + p.id() * 104_729L + f.field().hashCode());
            List<DriftedField> fields = new ArrayList<>();
            for (int row = 1; row <= p.variants().size(); row++) {
                Variant v = p.variants().get(row - 1);
                long truth = f.field().equals("stock") ? v.stock() : v.extraPrice();
                Long shown = null;
                String text;
                if (f.mode() == PageFieldFault.Mode.UNPARSEABLE) {
                    text = f.field().equals("stock") ? String.format("%,d개", truth) : "+" + Html.won(truth) + " (옵션가)";
                } else {
                    shown = f.field().equals("stock") ? truth + 1 + values.nextInt(9) : truth + 1_000L * (1 + values.nextInt(3));
                    text = f.field().equals("stock") ? String.format("%,d", shown) : "+" + Html.won(shown);
                }
                fields.add(new DriftedField(p.id(), row, v.sku(), v.option(), f.field(), f.mode(), truth, shown, text, 0));
            }
            result.put(p.id(), fields);
        }
        return result;
    }
}
