package com.mallbatch.domain;

import java.time.LocalDate;

/**
 * A platform's own settlement of one sales day, as it reports it (SmartStore's daily settlement): what it pays out,
 * on which payments, less which commissions and benefits. {@code otherAmounts} keeps the remaining figures under the
 * platform's own names (JSON). Amounts the platform leaves empty are null.
 */
public record DailySettlement(long accountId, LocalDate basisDate, String merchantId, LocalDate expectedOn,
                              LocalDate completedOn, Money settleAmount, Money paySettleAmount, Money commissionAmount,
                              Money benefitAmount, String otherAmounts, String source) {
}
