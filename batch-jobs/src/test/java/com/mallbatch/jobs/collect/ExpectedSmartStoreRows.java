package com.mallbatch.jobs.collect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mallbatch.jobs.collect.ExpectedRows.row;

/**
 * What a collect must have loaded for one SmartStore seller, computed from the sandbox's ground truth alone, as
 * '|'-joined rows in the shape of {@link SmartStoreRows}.
 */
public final class ExpectedSmartStoreRows {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<String> COMMISSIONS = List.of("paymentCommission", "saleCommission", "channelCommission",
            "knowledgeShoppingSellingInterlockCommission");
    private static final Set<String> OPEN_CLAIMS = Set.of("CANCEL_REQUEST", "CANCELING", "RETURN_REQUEST",
            "EXCHANGE_REQUEST", "COLLECTING", "COLLECT_DONE", "EXCHANGE_REDELIVERING", "ADMIN_CANCELING");

    private final long accountId;
    private final Map<String, Object> truth;

    public ExpectedSmartStoreRows(long accountId, Map<String, Object> truth) {
        this.accountId = accountId;
        this.truth = truth;
    }

    public List<String> categories() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Map<String, Object> p : list(truth, "products")) {
            String[] ids = ((String) p.get("wholeCategoryId")).split(">");
            String[] names = ((String) p.get("wholeCategoryName")).split(">");
            for (int depth = 0; depth < ids.length; depth++) {
                rows.put(ids[depth], row(accountId, ids[depth], names[depth], depth == 0 ? null : ids[depth - 1], depth + 1));
            }
        }
        return rows.values().stream().sorted().toList();
    }

    public List<String> categoryMemberships() {
        return list(truth, "products").stream().map(p -> row(accountId, p.get("categoryId"), p.get("originProductNo")))
                .sorted().toList();
    }

    public List<String> products() {
        return list(truth, "products").stream().map(p -> {
            String type = (String) p.get("statusType");
            boolean displayed = "ON".equals(p.get("channelProductDisplayStatusType"));
            String status = switch (type) {
                case "SALE" -> displayed ? "ON_SALE" : "HIDDEN";
                case "OUTOFSTOCK" -> "SOLD_OUT";
                case "CLOSE", "DELETE" -> "ENDED";
                default -> "SUSPENDED";
            };
            return row(accountId, p.get("originProductNo"), p.get("channelProductNo"), p.get("sellerManagementCode"),
                    p.get("name"), p.get("brandName"), won(p.get("discountedPrice")), won(p.get("salePrice")),
                    displayed ? 1 : 0, type.equals("SALE") || type.equals("OUTOFSTOCK") ? 1 : 0, status, "API");
        }).sorted().toList();
    }

    public List<String> variants() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list(truth, "products")) {
            List<Map<String, Object>> options = list(p, "options");
            for (Map<String, Object> o : options) {
                int usable = Boolean.TRUE.equals(o.get("usable")) ? 1 : 0;
                rows.add(row(accountId, o.get("id"), p.get("originProductNo"), o.get("sellerManagerCode"),
                        "색상=" + o.get("optionName1") + ", 사이즈=" + o.get("optionName2"), won(o.get("price")), usable,
                        usable, "API"));
            }
            if (options.isEmpty()) {
                rows.add(row(accountId, p.get("originProductNo"), p.get("originProductNo"), p.get("sellerManagementCode"),
                        "", won(0), 1, 1, "API"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> stock(LocalDate businessDate) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> p : list(truth, "products")) {
            int tracked = Boolean.TRUE.equals(p.get("useStockManagement")) ? 1 : 0;
            List<Map<String, Object>> options = list(p, "options");
            for (Map<String, Object> o : options) {
                rows.add(row(accountId, o.get("id"), businessDate, o.get("stockQuantity"), null, 0, tracked, "API"));
            }
            if (options.isEmpty()) {
                // without options there is no stock-management switch to read: the product's own stock counts
                rows.add(row(accountId, p.get("originProductNo"), businessDate, p.get("stockQuantity"), null, 0, 1, "API"));
            }
        }
        return rows.stream().sorted().toList();
    }

    public List<String> orders() {
        Map<String, List<Map<String, Object>>> byOrder = productOrdersByOrder();
        return list(truth, "orders").stream().map(o -> {
            List<Map<String, Object>> lines = byOrder.get((String) o.get("orderId"));
            long ordered = 0;
            long shipping = 0;
            long paid = 0;
            int unpaid = 0;
            int canceled = 0;
            for (Map<String, Object> line : lines) {
                ordered += number(line, "totalProductAmount");
                shipping += number(line, "deliveryFeeAmount");
                paid += number(line, "totalPaymentAmount");
                unpaid += "PAYMENT_WAITING".equals(line.get("productOrderStatus")) ? 1 : 0;
                canceled += status(line).equals("CANCELLED") ? 1 : 0;
            }
            return row(accountId, o.get("orderId"), time(o.get("orderDate")), time(o.get("paymentDate")),
                    extent(lines.size() - unpaid, lines.size()), extent(canceled, lines.size()), won(ordered),
                    won(shipping), won(paid + shipping));
        }).sorted().toList();
    }

    public List<String> orderLines() {
        return list(truth, "productOrders").stream().map(l -> {
            BigDecimal commission = BigDecimal.ZERO;
            for (String field : COMMISSIONS) {
                commission = commission.add(BigDecimal.valueOf(number(l, field)));
            }
            String sku = l.get("optionManageCode") != null ? (String) l.get("optionManageCode") : (String) l.get("sellerProductCode");
            return row(accountId, l.get("orderId"), l.get("productOrderId"), l.get("originalProductId"),
                    l.get("optionCode") != null ? l.get("optionCode") : l.get("productId"), sku, l.get("productName"),
                    l.get("productOption") == null ? "" : l.get("productOption"), l.get("quantity"), won(l.get("unitPrice")),
                    won(l.get("optionPrice")), won(l.get("productDiscountAmount")), won(l.get("totalPaymentAmount")),
                    l.get("productOrderStatus"), status(l), commission.setScale(2).toPlainString());
        }).sorted().toList();
    }

    private Map<String, List<Map<String, Object>>> productOrdersByOrder() {
        Map<String, List<Map<String, Object>>> byOrder = new LinkedHashMap<>();
        for (Map<String, Object> line : list(truth, "productOrders")) {
            byOrder.computeIfAbsent((String) line.get("orderId"), id -> new ArrayList<>()).add(line);
        }
        return byOrder;
    }

    /** The canonical status, from Naver's documented statuses and open claims. */
    static String status(Map<String, Object> line) {
        String base = switch ((String) line.get("productOrderStatus")) {
            case "PAYMENT_WAITING" -> "AWAITING_PAYMENT";
            case "PAYED" -> "PREPARING";
            case "DELIVERING" -> "SHIPPING";
            case "DELIVERED" -> "DELIVERED";
            case "PURCHASE_DECIDED" -> "PURCHASE_CONFIRMED";
            case "EXCHANGED" -> "EXCHANGED";
            case "RETURNED" -> "RETURNED";
            default -> "CANCELLED";
        };
        Object claimType = line.get("claimType");
        if (claimType == null || !OPEN_CLAIMS.contains(line.get("claimStatus"))
                || Set.of("CANCELLED", "RETURNED", "EXCHANGED").contains(base)) {
            return base;
        }
        return switch ((String) claimType) {
            case "CANCEL", "ADMIN_CANCEL" -> "CANCEL_REQUESTED";
            case "RETURN" -> "RETURN_REQUESTED";
            case "EXCHANGE" -> "EXCHANGE_REQUESTED";
            default -> base;
        };
    }

    private static String extent(int some, int of) {
        return some == 0 ? "NONE" : some == of ? "ALL" : "PARTIAL";
    }

    private static String time(Object iso) {
        return iso == null ? null : OffsetDateTime.parse((String) iso).atZoneSameInstant(SEOUL).toLocalDateTime()
                .toString().replace('T', ' ').substring(0, 19);
    }

    private static long number(Map<String, Object> m, String field) {
        Object value = m.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The daily settlements Naver reports as expected from {@code from} to {@code to} (its filter's date). */
    public List<String> dailySettlements(LocalDate from, LocalDate to) {
        return list(truth, "settlements").stream().filter(r -> {
            LocalDate expected = LocalDate.parse((String) r.get("settleExpectDate"));
            return !expected.isBefore(from) && !expected.isAfter(to);
        }).map(r -> row(accountId, r.get("settleBasisStartDate"), r.get("merchantId"), r.get("settleExpectDate"),
                r.get("settleCompleteDate"), won(r.get("settleAmount")), won(r.get("paySettleAmount")),
                won(r.get("commissionSettleAmount")), won(r.get("benefitSettleAmount")))).sorted().toList();
    }

    private static String won(Object amount) {
        return amount == null ? null : new BigDecimal(String.valueOf(amount)).setScale(2).toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
