package com.mallbatch.domain.reconcile;

/** How urgent a break is, lowest first: CRITICAL is an oversell risk, the rest grow with amount and age. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** One step up, CRITICAL staying CRITICAL: what an unanswered break becomes as it ages. */
    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
