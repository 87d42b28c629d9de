package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Variant;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A master inventory exported from a mall's truth: per seller SKU, listed stock (without drift) plus the units still
 * to ship. "Still to ship" is an item paid and neither shipped nor cancelled: order_status 상품준비중 / 배송준비중 /
 * 배송대기 / 배송보류 (N10, N20, N21, N22) or a cancel request not completed (C00, C10, C34, C35, C36), which collect
 * stores as {@code order_lines.status} PREPARING and CANCEL_REQUESTED. Of these the sandbox's orders reach N10, N20
 * and C00 (it requests cancels only after payment). A variant the mall sells without a stock limit (use_inventory F)
 * is one the seller keeps in plenty: its count is at least {@value #PLENTY} plus the units to ship — a seller whose own count
 * says none while the mall sells without limit is what reconciliation flags as an oversell risk.
 */
final class MasterInventory {

    static final int PLENTY = 100;
    static final Set<String> NOT_YET_SHIPPED = Set.of("N10", "N20", "N21", "N22", "C00", "C10", "C34", "C35", "C36");

    private MasterInventory() {
    }

    static boolean notYetShipped(String orderStatus) {
        return orderStatus != null && NOT_YET_SHIPPED.contains(orderStatus);
    }

    static List<MasterInventoryRow> of(MallData data, LocalDate asOf, LocalDateTime now) {
        Map<String, Integer> unshipped = new HashMap<>();
        for (Order order : data.orders()) {
            if (order.orderDate().toLocalDate().isAfter(asOf) || !order.orderedBy(now)) {
                continue;
            }
            for (Item item : order.items()) {
                if (notYetShipped(item.timeline().status(now))) {
                    unshipped.merge(item.variant().variantCode(), item.quantity(), Integer::sum);
                }
            }
        }
        List<MasterInventoryRow> rows = new ArrayList<>();
        for (Product product : data.products()) {
            for (Variant v : product.variants()) {
                if (v.customVariantCode().isEmpty()) {
                    continue;
                }
                int units = unshipped.getOrDefault(v.variantCode(), 0);
                int shelf = v.useInventory() ? v.quantity() : Math.max(v.quantity(), PLENTY);
                rows.add(new MasterInventoryRow(v.customVariantCode(), shelf + units, asOf, v.quantity(), units,
                        v.useInventory()));
            }
        }
        rows.sort(Comparator.comparing(MasterInventoryRow::sellerSku));
        return rows;
    }

    static String tsv(List<MasterInventoryRow> rows) {
        StringBuilder out = new StringBuilder("셀러 SKU\t재고수량\t기준일\n");
        rows.forEach(r -> out.append(r.sellerSku()).append('\t').append(r.quantity()).append('\t').append(r.asOf()).append('\n'));
        return out.toString();
    }

    static Map<String, Object> json(MasterInventoryRow r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("seller_sku", r.sellerSku());
        m.put("quantity", r.quantity());
        m.put("as_of", r.asOf().toString());
        m.put("listed_quantity", r.listedQuantity());
        m.put("unshipped_units", r.unshippedUnits());
        m.put("tracked", r.tracked());
        return m;
    }
}
