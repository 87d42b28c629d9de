package com.mallbatch.jobs.collect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.ExpectedRows.children;
import static com.mallbatch.jobs.collect.ExpectedRows.row;

/**
 * What the canonical tables must hold for one sandbox seller center, from its ground truth, written independently
 * of the crawl engine and the profiles. Rows follow {@link DatabaseRows}.
 */
public final class ExpectedCrawlRows {

    private static final Map<String, String> STATUS = Map.of("결제완료", "PREPARING", "배송준비중", "PREPARING",
            "배송중", "SHIPPING", "배송완료", "DELIVERED", "구매확정", "PURCHASE_CONFIRMED", "취소완료", "CANCELLED",
            "반품완료", "RETURNED", "교환완료", "EXCHANGED");

    private final long accountId;
    private final Map<String, Object> truth;

    public ExpectedCrawlRows(long accountId, Map<String, Object> truth) {
        this.accountId = accountId;
        this.truth = truth;
    }

    public List<String> products() {
        return list("products").stream().map(p -> row(accountId, p.get("id"), null, blank(p.get("code")), p.get("name"),
                won(p.get("price")), null, 1, bit(p.get("selling")), "", null, null, "CRAWL")).sorted().toList();
    }

    public List<String> variants() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list("products")) {
            List<Map<String, Object>> variants = children(p, "variants");
            for (int i = 0; i < variants.size(); i++) {
                Map<String, Object> v = variants.get(i);
                rows.add(row(accountId, code(p, v, i), p.get("id"), blank(v.get("sku")), v.get("option"),
                        won(v.get("extraPrice")), 1, bit(p.get("selling")), "CRAWL"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> stock(LocalDate businessDate) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list("products")) {
            List<Map<String, Object>> variants = children(p, "variants");
            for (int i = 0; i < variants.size(); i++) {
                rows.add(row(accountId, code(p, variants.get(i), i), businessDate, variants.get(i).get("stock"), 0, 1, "CRAWL"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> orders(LocalDate from, LocalDate to) {
        return ordersIn(from, to).stream().map(o -> row(accountId, o.get("orderNo"), time(o.get("orderedAt")), null, 1,
                children(o, "lines").stream().allMatch(l -> l.get("status").equals("취소완료")) ? 1 : 0, null,
                won(o.get("total")), "0.00", "0.00", won(o.get("total")))).sorted().toList();
    }

    public List<String> orderLines(LocalDate from, LocalDate to) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> o : ordersIn(from, to)) {
            for (Map<String, Object> l : children(o, "lines")) {
                long unit = ((Number) l.get("unitPrice")).longValue();
                int qty = (Integer) l.get("quantity");
                rows.add(row(accountId, l.get("lineNo"), o.get("orderNo"), l.get("productId"), blank(l.get("sku")),
                        blank(l.get("sku")), l.get("productName"), l.get("option"), qty, won(unit), "0.00", "0.00",
                        "0.00", won(unit * qty), l.get("status"), STATUS.get((String) l.get("status"))));
            }
        }
        return rows.stream().sorted().toList();
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
        return ExpectedRows.children(truth, key);
    }

    private static String won(Object amount) {
        return ((Number) amount).longValue() + ".00";
    }

    private static String bit(Object flag) {
        return Boolean.TRUE.equals(flag) ? "1" : "0";
    }

    private static Object blank(Object value) {
        return value == null || value.toString().isEmpty() ? null : value;
    }

    private static String time(Object isoLocal) {
        return LocalDateTime.parse((String) isoLocal).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}
