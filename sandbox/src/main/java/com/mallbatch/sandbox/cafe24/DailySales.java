package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v2/admin/financials/dailysales} computed from a mall's own orders. The docs give the fields
 * (shop_no, date, payment_amount, refund_amount, sales_count) but not how a day is cut; the sandbox cuts by the day an
 * order was <em>placed</em> and counts the orders placed that day that were paid by the mall's "now", so the report
 * equals what collect stores for those orders:
 * <ul>
 *     <li>{@code sales_count} = the number of such orders, later cancellations included;</li>
 *     <li>{@code payment_amount} = the sum of their initial_order_amount.payment_amount;</li>
 *     <li>{@code refund_amount} = what has been taken off them since (cancelled and returned items, the shipping fee
 *     of a fully cancelled order), so {@code payment_amount - refund_amount} is the sum of their
 *     actual_order_amount.payment_amount.</li>
 * </ul>
 * An order the mall's list hides still counts here: that is the point of hiding it.
 */
final class DailySales {

    /** The documented payment_method codes. */
    static final Set<String> PAYMENT_METHODS = Set.of("card", "tcash", "icash", "point", "cell");

    private DailySales() {
    }

    /**
     * @param paymentMethod a documented code to narrow by, or null for all orders; the sandbox's bank deposits
     *                      ("cash", 무통장입금) go through no PG and match no code
     */
    static DaySales of(List<Order> orders, LocalDate day, LocalDateTime now, String paymentMethod) {
        int count = 0;
        BigDecimal paid = Cafe24DataGenerator.won(0);
        BigDecimal refunded = Cafe24DataGenerator.won(0);
        for (Order order : orders) {
            if (!order.orderDate().toLocalDate().equals(day) || !order.orderedBy(now) || order.paymentDate(now) == null
                    || (paymentMethod != null && !paymentMethod.equals(order.paymentMethod()))) {
                continue;
            }
            BigDecimal initial = order.initialAmounts().paymentAmount();
            count++;
            paid = paid.add(initial);
            refunded = refunded.add(initial.subtract(order.actualAmounts(now).paymentAmount()));
        }
        return new DaySales(day, count, paid, refunded);
    }

    static Map<String, Object> json(DaySales sales) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("date", sales.date().toString());
        m.put("payment_amount", Cafe24Json.money(sales.paymentAmount()));
        m.put("refund_amount", Cafe24Json.money(sales.refundAmount()));
        m.put("sales_count", sales.salesCount());
        return m;
    }
}
