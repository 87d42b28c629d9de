package com.mallbatch.domain.reconcile;

import com.mallbatch.domain.MallAccount;

import java.time.LocalDate;

/** One reconciliation check: measures one account for one business date and says what does not match. */
public interface ReconcileCheck {

    /** Stable name, stored with every result and break ("freshness", "stock_vs_master", …). */
    String name();

    /** Whether the check has anything to measure on this account's platform. */
    default boolean appliesTo(MallAccount account) {
        return true;
    }

    CheckOutcome run(Scope scope);

    /**
     * What a check runs on.
     *
     * @param tenantAnchor whether this account reports the tenant's findings that belong to no account (the tenant's
     *                     first enabled account does)
     * @param paused       whether the account is paused: a check asks nothing of its mall then
     */
    record Scope(MallAccount account, LocalDate businessDate, ReconcileThresholds thresholds, boolean tenantAnchor,
                 boolean paused) {
    }
}
