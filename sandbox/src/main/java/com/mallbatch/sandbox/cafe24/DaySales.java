package com.mallbatch.sandbox.cafe24;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of {@code GET /api/v2/admin/financials/dailysales} as the sandbox computes it from the mall's orders at its
 * "now" (see {@link Cafe24Mall#dailySales}): the orders placed on {@code date} that were paid.
 *
 * @param salesCount    how many of them
 * @param paymentAmount what they were paid in total, as ordered (their initial_order_amount.payment_amount)
 * @param refundAmount  what has been taken off them since (cancelled and returned items, a fully cancelled order's
 *                      shipping fee): {@code paymentAmount - refundAmount} is the sum of their
 *                      actual_order_amount.payment_amount
 */
public record DaySales(LocalDate date, int salesCount, BigDecimal paymentAmount, BigDecimal refundAmount) {

    /** What the orders come to now: payment minus refund. */
    public BigDecimal netAmount() {
        return paymentAmount.subtract(refundAmount);
    }

    DaySales adjusted(int countDelta, BigDecimal amountDelta) {
        return new DaySales(date, salesCount + countDelta, paymentAmount.add(amountDelta), refundAmount);
    }
}
