package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.smartstore.Lifecycle.State;
import com.mallbatch.sandbox.smartstore.StoreData.ProductOrder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mallbatch.sandbox.smartstore.Gateway.put;

/**
 * The seller's daily settlement (일별 정산 내역) as the sandbox computes it from its product orders. The rules are the
 * sandbox's own, chosen to be plausible and easy to recompute independently:
 * <ul>
 *   <li>a product order is settled once it is purchase-decided (구매확정); its settle basis date is the decision's
 *       day, and a day is settled once it is over (before the clock's day);</li>
 *   <li>{@code paySettleAmount} (정산 기준 금액) is the sum of {@code totalPaymentAmount + deliveryFeeAmount} of the
 *       day's decided product orders; {@code commissionSettleAmount} is minus the sum of their commissions
 *       (paymentCommission + saleCommission + channelCommission + knowledgeShoppingSellingInterlockCommission);
 *       {@code settleAmount} = {@code normalSettleAmount} = the two added, i.e. the sum of their
 *       {@code expectedSettlementAmount}; every other amount is 0 (no benefits, holdbacks or quick settlement);</li>
 *   <li>{@code settleExpectDate} is the next business day (Monday to Friday; public holidays are not modelled) after
 *       the basis date, {@code settleCompleteDate} the same once that day has come, else absent;</li>
 *   <li>cancelled and returned product orders are never settled; no return delivery fee is charged.</li>
 * </ul>
 * UNCONFIRMED (third-party reports): the API filters {@code startDate}/{@code endDate} on {@code settleExpectDate}, and
 * one row per basis day and merchant; the sandbox has one merchant per seller and rows only for days with a settled
 * product order. The sign of {@code commissionSettleAmount} (negative, a deduction) is also the sandbox's choice.
 */
final class Settlements {

    record Row(LocalDate basisDate, LocalDate expectDate, LocalDate completeDate, long paySettleAmount,
               long commissionSettleAmount, List<String> productOrderIds) {

        long settleAmount() {
            return paySettleAmount + commissionSettleAmount;
        }
    }

    private Settlements() {
    }

    /** The day {@code po} is settled for at {@code now}, or null while it is not (yet) settled. */
    static LocalDate basisDate(State s, LocalDateTime now) {
        if (s.decisionDate == null || s.gone()) {
            return null;
        }
        LocalDate day = s.decisionDate.toLocalDate();
        return day.isBefore(now.toLocalDate()) ? day : null;
    }

    /** Every settled day up to {@code now}, oldest first. */
    static List<Row> rows(List<ProductOrder> productOrders, LocalDateTime now) {
        Map<LocalDate, List<ProductOrder>> byDay = new TreeMap<>();
        for (ProductOrder po : productOrders) {
            LocalDate day = basisDate(po.lifecycle().at(now), now);
            if (day != null) {
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(po);
            }
        }
        List<Row> rows = new ArrayList<>();
        byDay.forEach((day, pos) -> {
            LocalDate expect = nextBusinessDay(day);
            long pay = pos.stream().mapToLong(po -> po.totalPaymentAmount() + po.deliveryFeeAmount()).sum();
            long commission = -pos.stream().mapToLong(ProductOrder::commissions).sum();
            rows.add(new Row(day, expect, expect.isAfter(now.toLocalDate()) ? null : expect, pay, commission,
                    pos.stream().map(ProductOrder::productOrderId).toList()));
        });
        return rows;
    }

    static LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** One element of {@code elements}, as the daily settlement API answers it. */
    static Map<String, Object> render(Row r, SmartStoreSeller seller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settleBasisStartDate", r.basisDate().toString());
        m.put("settleBasisEndDate", r.basisDate().toString());
        m.put("settleExpectDate", r.expectDate().toString());
        put(m, "settleCompleteDate", r.completeDate() == null ? null : r.completeDate().toString());
        m.put("settleAmount", r.settleAmount());
        m.put("paySettleAmount", r.paySettleAmount());
        m.put("commissionSettleAmount", r.commissionSettleAmount());
        m.put("benefitSettleAmount", 0);
        m.put("deductionRestoreSettleAmount", 0);
        m.put("payHoldbackAmount", 0);
        m.put("minusChargeAmount", 0);
        m.put("differenceSettleAmount", 0);
        m.put("returnCareSettleAmount", 0);
        m.put("normalSettleAmount", r.settleAmount());
        m.put("quickSettleAmount", 0);
        m.put("preferentialCommissionAmount", 0);
        m.put("settlementLimitAmount", 0);
        m.put("settleMethodType", "ACCOUNT");
        m.put("bankType", "KB");
        m.put("depositorName", seller.storeName());
        m.put("accountNo", "123456-**-***" + String.format("%03d", seller.index()));
        m.put("merchantId", seller.merchantId());
        m.put("merchantName", seller.storeName());
        return m;
    }
}
