package com.mallbatch.readers.crawl;

import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.ProductStatus;
import com.mallbatch.readers.YamlTree;
import com.mallbatch.readers.crawl.SiteProfile.Detail;
import com.mallbatch.readers.crawl.SiteProfile.FieldSpec;
import com.mallbatch.readers.crawl.SiteProfile.ListSpec;
import com.mallbatch.readers.crawl.SiteProfile.RowSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a site profile from YAML (format in readers/src/main/resources/crawl-profiles/README.md). */
public final class SiteProfileParser {

    private SiteProfileParser() {
    }

    public static SiteProfile parse(String document, String yaml) {
        YamlTree root = YamlTree.parse(document, yaml);
        List<String> soldOut = root.has("soldOutWords")
                ? root.get("soldOutWords").list().stream().map(YamlTree::asText).toList() : List.of("품절", "일시품절");
        SiteProfile.Format format = switch (root.text("format", "html")) {
            case "html" -> SiteProfile.Format.HTML;
            case "next-data" -> SiteProfile.Format.NEXT_DATA;
            default -> throw root.problem("format", "should be html or next-data, got '" + root.text("format") + "'");
        };
        YamlTree login = root.get("login");
        YamlTree manners = root.getOrEmpty("politeness");
        YamlTree products = root.get("products");
        YamlTree orders = root.get("orders");
        YamlTree detail = products.get("detail");
        YamlTree lines = orders.get("lines");
        SiteProfile profile = new SiteProfile(root.text("name"), format, root.flag("javascript", false),
                new SiteProfile.Login(login.text("page"), login.text("form"), login.text("usernameField"),
                        login.text("passwordField"), login.text("success")),
                root.text("expiredWhen", login.text("form")), root.text("blockedWhen", null),
                root.has("goneAlerts") ? root.get("goneAlerts").list().stream().map(YamlTree::asText).toList() : List.of(),
                new SiteProfile.Politeness(manners.number("maxConcurrency", 2).intValue(),
                        manners.number("requestsPerMinute", 120).intValue(), manners.number("delayMillis", 0).longValue(),
                        manners.flag("robotsTxt", true)),
                root.getOrEmpty("retries").number("max", 4).intValue(),
                root.getOrEmpty("retries").number("backoffMillis", 500).longValue(),
                root.number("maxMissingRatio", 0.2).doubleValue(),
                list(products.get("list")), fields(products.get("fields"), soldOut),
                new Detail(detail.text("select", null), detail.text("attr", null), detail.text("url", null)),
                rows(root.get("variants"), soldOut), list(orders.get("list")), fields(orders.get("fields"), soldOut),
                new RowSpec(lines.text("rows", null), fields(lines.get("fields"), soldOut)),
                orders.has("totals") ? fields(orders.get("totals"), soldOut) : Map.of());
        requireFields(root, "products", profile.productFields());
        requireFields(root, "variants", profile.variants().fields());
        requireFields(root, "orders", profile.orderFields());
        requireFields(root, "orderLines", profile.orderLines().fields());
        if (!profile.orderLines().fields().containsKey("unitPrice") && !profile.orderLines().fields().containsKey("paidAmount")) {
            throw lines.problem("fields", "declares neither 'unitPrice' nor 'paidAmount': a line needs one of them");
        }
        for (String name : profile.orderTotals().keySet()) {
            if (!List.of("count", "amount").contains(name)) {
                throw orders.get("totals").problem(name, "is not a totals field (count, amount)");
            }
        }
        return profile;
    }

    private static void requireFields(YamlTree root, String section, Map<String, FieldSpec> fields) {
        for (String required : SiteProfile.REQUIRED_FIELDS.get(section)) {
            if (!fields.containsKey(required)) {
                throw root.problem(section, "declares no field '" + required + "'");
            }
        }
    }

    private static ListSpec list(YamlTree list) {
        if (!list.has("next") && !list.has("totalPages")) {
            throw list.problem(null, "needs a stop rule: 'next' (a selector) or 'totalPages' (a JSON pointer)");
        }
        return new ListSpec(list.text("url"), list.text("rows"), list.text("next", null),
                list.text("totalPages", null), list.text("empty", null));
    }

    private static RowSpec rows(YamlTree spec, List<String> soldOut) {
        return new RowSpec(spec.text("rows"), fields(spec.get("fields"), soldOut));
    }

    private static Map<String, FieldSpec> fields(YamlTree fields, List<String> soldOut) {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        for (String name : fields.keys()) {
            YamlTree f = fields.get(name);
            if (!f.isMap()) { // shorthand: "name: td.name"
                specs.put(name, new FieldSpec(name, f.asText(), null, null, ValueParser.TEXT, false));
                continue;
            }
            String pattern = f.text("pattern", null);
            specs.put(name, new FieldSpec(name, f.text("select"), f.text("attr", null),
                    pattern == null ? null : Pattern.compile(pattern), parser(f, soldOut), f.flag("optional", false)));
        }
        return specs;
    }

    private static ValueParser parser(YamlTree field, List<String> soldOut) {
        if (!field.has("parse")) {
            return ValueParser.TEXT;
        }
        YamlTree parse = field.get("parse");
        if (!parse.isMap()) {
            return switch (parse.asText()) {
                case "text" -> ValueParser.TEXT;
                case "integer" -> ValueParser.INTEGER;
                case "money" -> ValueParser.MONEY;
                case "stock" -> ValueParser.stock(soldOut);
                case "boolean" -> ValueParser.BOOLEAN;
                default -> throw parse.problem(null, "unknown parser '" + parse.asText() + "' (text, integer, money, "
                        + "stock, boolean, or a map with dictionary, status, productStatus or datetime)");
            };
        }
        if (parse.has("productStatus")) {
            return ValueParser.productStatus(words(parse.get("productStatus"), ProductStatus.class));
        }
        if (parse.has("datetime")) {
            return ValueParser.dateTime(parse.text("datetime"));
        }
        if (parse.has("status")) {
            return ValueParser.status(words(parse.get("status"), OrderLineStatus.class));
        }
        if (parse.has("dictionary")) {
            Map<String, Object> values = new LinkedHashMap<>();
            YamlTree map = parse.get("dictionary");
            map.keys().forEach(k -> values.put(k, map.get(k).asText().equals("true") ? Boolean.TRUE
                    : map.get(k).asText().equals("false") ? Boolean.FALSE : map.get(k).asText()));
            return ValueParser.dictionary(values);
        }
        throw parse.problem(null, "should name a parser or hold dictionary, status, productStatus or datetime");
    }

    /** A site's words mapped to the common values of {@code type}, each checked to be one of them. */
    private static <E extends Enum<E>> Map<String, E> words(YamlTree map, Class<E> type) {
        Map<String, E> words = new LinkedHashMap<>();
        for (String word : map.keys()) {
            try {
                words.put(word, Enum.valueOf(type, map.text(word)));
            } catch (IllegalArgumentException e) {
                throw map.problem(word, "'" + map.text(word) + "' is not one of " + List.of(type.getEnumConstants()));
            }
        }
        return words;
    }
}
