package com.mallbatch.domain.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something a check found not matching: a break candidate, keyed by its type and keys within the check and account.
 *
 * @param type     the kind of break within the check ("OVERSELL_RISK", "UNKNOWN_SKU_ON_MALL", …)
 * @param key      what it is about, stable from run to run (a seller SKU and variant, a day, a product and field)
 * @param amount   the money or units at stake, when there is one (for severity and sorting)
 * @param evidence one line with the figures, for people; the same finding gives the same evidence
 */
public record Finding(String type, String key, Severity severity, BigDecimal amount, String evidence) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
    }
}
