package com.mallbatch.domain.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The collected orders of one day, summed as the malls' own totals count them.
 *
 * @param orders           orders placed that day
 * @param paidExceptCancelled what the lines of those orders paid, leaving out cancelled lines (a seller center's box)
 * @param paidOrders       those orders paid in whole or in part (a sales report's order count)
 * @param paidOrderAmount  what those paid orders paid, as the orders say (a sales report's payment amount)
 */
public record CollectedDay(LocalDate day, long orders, BigDecimal paidExceptCancelled, long paidOrders,
                           BigDecimal paidOrderAmount) {
}
