package com.mallbatch.domain.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One measurement of a check for an account and business date, with the thresholds it was judged by, so a later reader
 * sees why it judged as it did.
 *
 * @param subject    what within the account was measured: a dataset ("stock"), a day, a field; "" for the account
 * @param figure     the measured value in {@code unit}; null when there was nothing to measure
 * @param thresholds the limits applied, as a person reads them ("WARN > 26 h, FAIL > 36 h")
 * @param detail     one line on what was found, for people
 */
public record CheckResult(String subject, BigDecimal figure, String unit, String thresholds, Verdict verdict,
                          String detail) {

    public CheckResult {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(verdict, "verdict");
    }
}
