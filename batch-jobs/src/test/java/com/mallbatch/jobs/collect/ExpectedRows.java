package com.mallbatch.jobs.collect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the canonical tables must hold for one sandbox mall, computed from the sandbox's ground-truth dump (the
 * platform's own format) independently of the production mappers. Rows are '|'-joined strings, ∅ for NULL, in the
 * column order of {@link DatabaseRows}.
 */
public final class ExpectedRows {

    private static final DateTimeFormatter DB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The Cafe24 order status codes the sandbox emits and their common meaning (independent of the adapter's table). */
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("N00", "AWAITING_PAYMENT"), Map.entry("N10", "PREPARING"), Map.entry("N20", "PREPARING"),
            Map.entry("N30", "SHIPPING"), Map.entry("N40", "DELIVERED"), Map.entry("N50", "PURCHASE_CONFIRMED"),
            Map.entry("C00", "CANCEL_REQUESTED"), Map.entry("C40", "CANCELLED"), Map.entry("C48", "CANCELLED"),
            Map.entry("R00", "RETURN_REQUESTED"), Map.entry("R10", "RETURN_REQUESTED"), Map.entry("R40", "RETURNED"),
            Map.entry("E00", "EXCHANGE_REQUESTED"), Map.entry("E40", "EXCHANGED"));
    /**
     * The item dates of the status changes a night reads for its business date besides the order date (Cafe24's
     * date_type values pay, shipbegin, shipend, cancel request/complete, return request/accept/complete, exchange
     * request/complete and purchase confirmation).
     */
    private static final List<String> STATUS_DATES = List.of("shipped_date", "delivered_date", "cancel_request_date",
            "cancel_date", "return_request_date", "return_confirmed_date", "refund_date", "exchange_request_date",
            "exchange_date", "purchaseconfirmation_date");
    private static final Map<String, String> FLAGS = Map.of("T", "ALL", "F", "NONE", "M", "PARTIAL");

    private final long accountId;
    private final Map<String, Object> truth;
    private final Set<String> malformedProducts;
    private final Set<String> malformedOrders;

    public ExpectedRows(long accountId, Map<String, Object> truth) {
        this.accountId = accountId;
        this.truth = truth;
        this.malformedProducts = strings((Collection<?>) truth.get("malformed_products"));
        this.malformedOrders = strings((Collection<?>) truth.get("malformed_orders"));
    }

    public List<String> categories() {
        return list("categories").stream().map(c -> row(accountId, c.get("category_no"), c.get("category_name"),
                ((Integer) c.get("category_depth")) <= 1 ? null : c.get("parent_category_no"), c.get("category_depth")))
                .sorted().toList();
    }

    public List<String> categoryMemberships() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> c : list("category_products")) {
            for (Object productNo : (List<?>) c.get("product_nos")) {
                rows.add(row(accountId, c.get("category_no"), productNo));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> products() {
        return list("products").stream()
                .filter(p -> !malformedProducts.contains(String.valueOf(p.get("product_no"))))
                .map(p -> row(accountId, p.get("product_no"), p.get("product_code"), blankToNull(p.get("custom_product_code")),
                        p.get("product_name"), p.get("brand_code"), p.get("price"), p.get("retail_price"),
                        bit(p.get("display")), bit(p.get("selling")), productStatus(p), categoryNos(p),
                        time(p.get("created_date")), time(p.get("updated_date")), "API"))
                .sorted().toList();
    }

    private static String productStatus(Map<String, Object> p) {
        return "F".equals(p.get("selling")) ? "SUSPENDED" : "F".equals(p.get("display")) ? "HIDDEN"
                : "T".equals(p.get("sold_out")) ? "SOLD_OUT" : "ON_SALE";
    }

    private static String categoryNos(Map<String, Object> p) {
        return children(p, "category").stream().map(c -> String.valueOf(c.get("category_no"))).sorted()
                .collect(Collectors.joining(","));
    }

    public List<String> variants() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list("products")) {
            for (Map<String, Object> v : children(p, "variants")) {
                String options = children(v, "options").stream().map(o -> o.get("name") + "=" + o.get("value"))
                        .collect(Collectors.joining(", "));
                rows.add(row(accountId, v.get("variant_code"), p.get("product_no"), blankToNull(v.get("custom_variant_code")),
                        options, v.get("additional_amount"), bit(v.get("display")), bit(v.get("selling")), "API"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> stock(LocalDate businessDate) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list("products")) {
            for (Map<String, Object> v : children(p, "variants")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inv = (Map<String, Object>) v.get("inventories");
                rows.add(row(accountId, v.get("variant_code"), businessDate, inv.get("quantity"), null,
                        inv.get("safety_inventory"), bit(inv.get("use_inventory")), "API"));
            }
        }
        return rows.stream().sorted().toList();
    }

    /** Orders placed in [from, businessDate], and older ones whose payment or item status changed on the business date. */
    public List<String> orders(LocalDate from, LocalDate businessDate) {
        return ordersOf(from, businessDate).stream().map(o -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> amount = (Map<String, Object>) o.get("actual_order_amount");
            return row(accountId, o.get("order_id"), time(o.get("order_date")), time(o.get("payment_date")),
                    FLAGS.get(o.get("paid")), FLAGS.get(o.get("canceled")), o.get("member_id"),
                    amount.get("order_price_amount"), amount.get("shipping_fee"), amount.get("coupon_discount_price"),
                    amount.get("payment_amount"));
        }).sorted().toList();
    }

    public List<String> orderLines(LocalDate from, LocalDate businessDate) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> o : ordersOf(from, businessDate)) {
            for (Map<String, Object> i : children(o, "items")) {
                rows.add(row(accountId, o.get("order_id"), i.get("order_item_code"), i.get("product_no"),
                        i.get("variant_code"), blankToNull(i.get("custom_variant_code")), i.get("product_name"),
                        i.get("option_value"), i.get("quantity"), null, i.get("product_price"), i.get("option_price"),
                        i.get("additional_discount_price"), i.get("coupon_discount_price"), i.get("payment_amount"),
                        i.get("order_status"), STATUS.get((String) i.get("order_status"))));
            }
        }
        return rows.stream().sorted().toList();
    }

    public Set<String> malformedProducts() {
        return malformedProducts;
    }

    /** The malformed orders a collect of the business date meets. */
    public Set<String> malformedOrders(LocalDate from, LocalDate businessDate) {
        Set<String> met = allOrdersOf(from, businessDate).map(o -> (String) o.get("order_id"))
                .collect(Collectors.toCollection(HashSet::new));
        met.retainAll(malformedOrders);
        return met;
    }

    private List<Map<String, Object>> ordersOf(LocalDate from, LocalDate businessDate) {
        return allOrdersOf(from, businessDate).filter(o -> !malformedOrders.contains((String) o.get("order_id"))).toList();
    }

    private Stream<Map<String, Object>> allOrdersOf(LocalDate from, LocalDate businessDate) {
        return list("orders").stream().filter(o -> placedIn(o, from, businessDate) || changedOn(o, businessDate));
    }

    private static boolean placedIn(Map<String, Object> order, LocalDate from, LocalDate to) {
        LocalDate day = OffsetDateTime.parse((String) order.get("order_date")).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static boolean changedOn(Map<String, Object> order, LocalDate day) {
        Object paid = order.get("payment_date");
        if (paid != null && OffsetDateTime.parse((String) paid).toLocalDate().equals(day)) {
            return true;
        }
        return children(order, "items").stream()
                .anyMatch(item -> STATUS_DATES.stream().anyMatch(field -> onDay(item.get(field), day)));
    }

    /** Item dates come as "YYYY-MM-DD HH:MM:SS", Asia/Seoul. */
    private static boolean onDay(Object itemDate, LocalDate day) {
        return itemDate != null && LocalDateTime.parse(((String) itemDate).replace(' ', 'T')).toLocalDate().equals(day);
    }

    private List<Map<String, Object>> list(String key) {
        return children(truth, key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> children(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    static String row(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v == null ? "∅" : String.valueOf(v))
                .collect(Collectors.joining("|"));
    }

    private static Object blankToNull(Object value) {
        return value == null || value.toString().isEmpty() ? null : value;
    }

    private static String bit(Object flag) {
        return "T".equals(flag) ? "1" : "0";
    }

    private static String time(Object isoWithOffset) {
        return isoWithOffset == null ? null : OffsetDateTime.parse((String) isoWithOffset).format(DB_TIME);
    }

    private static Set<String> strings(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.toSet());
    }
}
