package com.mallbatch.jobs.collect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.ExpectedRows.children;
import static com.mallbatch.jobs.collect.ExpectedRows.row;

/**
 * What the canonical tables must hold for one sandbox seller center, from its ground truth, written independently
 * of the crawl engine and the profiles. Rows follow {@link DatabaseRows}. Two kinds of back office: "classic" ones
 * (one block per order, a unit price per line, an order total) and "line-rows" ones (one row per line with list price,
 * discount, coupon and paid amount, product brands, list prices and status words). What a page does not show is
 * expected empty.
 */
public final class ExpectedCrawlRows {

    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("결제완료", "PREPARING"),
            Map.entry("배송준비중", "PREPARING"), Map.entry("배송중", "SHIPPING"), Map.entry("배송완료", "DELIVERED"),
            Map.entry("구매확정", "PURCHASE_CONFIRMED"), Map.entry("취소요청", "CANCEL_REQUESTED"),
            Map.entry("취소완료", "CANCELLED"), Map.entry("반품요청", "RETURN_REQUESTED"), Map.entry("반품완료", "RETURNED"),
            Map.entry("교환완료", "EXCHANGED"));
    private static final Map<String, String> PRODUCT_STATUS = Map.of("판매중", "ON_SALE", "품절", "SOLD_OUT",
            "판매중지", "SUSPENDED", "숨김", "HIDDEN");
    private static final DateTimeFormatter DB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final long accountId;
    private final Map<String, Object> truth;
    private final boolean lineRows;

    public ExpectedCrawlRows(long accountId, Map<String, Object> truth) {
        this.accountId = accountId;
        this.truth = truth;
        this.lineRows = "line-rows".equals(truth.get("flavour"));
    }

    public List<String> products() {
        return list("products").stream().map(p -> {
            String status = status(p);
            return row(accountId, p.get("id"), null, lineRows ? null : blank(p.get("code")), p.get("name"),
                    blank(p.get("brand")), won(p.get("price")), won(p.get("listPrice")), status.equals("HIDDEN") ? 0 : 1,
                    selling(status) ? 1 : 0, status, "", null, null, "CRAWL");
        }).sorted().toList();
    }

    public List<String> variants() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : live()) {
            List<Map<String, Object>> variants = children(p, "variants");
            for (int i = 0; i < variants.size(); i++) {
                Map<String, Object> v = variants.get(i);
                rows.add(row(accountId, code(p, v, i), p.get("id"), blank(v.get("sku")), v.get("option"),
                        won(v.get("extraPrice")), 1, selling(status(p)) ? 1 : 0, "CRAWL"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> stock(LocalDate businessDate) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : live()) {
            List<Map<String, Object>> variants = children(p, "variants");
            for (int i = 0; i < variants.size(); i++) {
                Map<String, Object> v = variants.get(i);
                rows.add(row(accountId, code(p, v, i), businessDate, v.get("stock"), v.get("stockText"), 0, 1, "CRAWL"));
            }
        }
        return rows.stream().sorted().toList();
    }

    /** Products whose page answers: a deleted one is skipped with its variants. */
    public List<Map<String, Object>> deletedProducts() {
        return list("products").stream().filter(p -> Boolean.TRUE.equals(p.get("deleted"))).toList();
    }

    public List<String> orders(LocalDate from, LocalDate to) {
        return ordersIn(from, to).stream().map(o -> {
            List<Map<String, Object>> lines = children(o, "lines");
            long cancelled = lines.stream().filter(l -> l.get("status").equals("취소완료")).count();
            String canceled = cancelled == 0 ? "NONE" : cancelled == lines.size() ? "ALL" : "PARTIAL";
            Object goods = lineRows ? null : won(lines.stream().mapToLong(l -> number(l.get("unitPrice")) * number(l.get("quantity"))).sum());
            Object coupons = lineRows ? won(lines.stream().mapToLong(l -> number(l.get("coupon"))).sum()) : null;
            Object paid = lineRows ? won(lines.stream().mapToLong(l -> number(l.get("paid"))).sum()) : won(o.get("total"));
            return row(accountId, o.get("orderNo"), time(o.get("orderedAt")), null, "ALL", canceled, null, goods, null,
                    coupons, paid);
        }).sorted().toList();
    }

    public List<String> orderLines(LocalDate from, LocalDate to) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> o : ordersIn(from, to)) {
            for (Map<String, Object> l : children(o, "lines")) {
                rows.add(lineRows
                        ? row(accountId, o.get("orderNo"), l.get("lineNo"), l.get("productId"), blank(l.get("sku")),
                        blank(l.get("sku")), l.get("productName"), l.get("option"), l.get("quantity"), won(l.get("listPrice")),
                        null, null, won(l.get("discount")), won(l.get("coupon")), won(l.get("paid")), l.get("status"),
                        STATUS.get((String) l.get("status")))
                        : row(accountId, o.get("orderNo"), l.get("lineNo"), l.get("productId"), blank(l.get("sku")),
                        blank(l.get("sku")), l.get("productName"), l.get("option"), l.get("quantity"), null,
                        won(l.get("unitPrice")), null, null, null, null, l.get("status"), STATUS.get((String) l.get("status"))));
            }
        }
        return rows.stream().sorted().toList();
    }

    /** The totals box of each day in the window: count and amount as the site shows them. */
    public List<String> dailyTotals(LocalDate from, LocalDate to) {
        return list("dailyTotals").stream().filter(t -> {
            LocalDate day = LocalDate.parse((String) t.get("date"));
            return !day.isBefore(from) && !day.isAfter(to);
        }).map(t -> row(accountId, t.get("date"), t.get("orderCount"), won(t.get("amount")))).sorted().toList();
    }

    private String status(Map<String, Object> product) {
        if (lineRows) {
            return PRODUCT_STATUS.get((String) product.get("status"));
        }
        return Boolean.TRUE.equals(product.get("selling")) ? "ON_SALE" : "SUSPENDED";
    }

    private static boolean selling(String status) {
        return status.equals("ON_SALE") || status.equals("SOLD_OUT");
    }

    private List<Map<String, Object>> live() {
        return list("products").stream().filter(p -> !Boolean.TRUE.equals(p.get("deleted"))).toList();
    }

    /** Seller centers show no variant id: the SKU, else the product and the row's place. */
    private static Object code(Map<String, Object> product, Map<String, Object> variant, int index) {
        Object sku = blank(variant.get("sku"));
        return sku != null ? sku : product.get("id") + "-" + (index + 1);
    }

    private List<Map<String, Object>> ordersIn(LocalDate from, LocalDate to) {
        return list("orders").stream().filter(o -> {
            LocalDate day = LocalDateTime.parse((String) o.get("orderedAt")).toLocalDate();
            return !day.isBefore(from) && !day.isAfter(to);
        }).toList();
    }

    private List<Map<String, Object>> list(String key) {
        return children(truth, key);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String won(Object amount) {
        return amount == null ? null : number(amount) + ".00";
    }

    private static Object blank(Object value) {
        return value == null || value.toString().isEmpty() ? null : value;
    }

    private static String time(Object isoLocal) {
        return LocalDateTime.parse((String) isoLocal).format(DB_TIME);
    }
}
