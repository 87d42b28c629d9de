package com.mallbatch.domain.reconcile;

/**
 * Where a break is in its life: OPEN → ACKNOWLEDGED → RESOLVED or ACCEPTED. A run that finds the keys matching again
 * resolves it; the same keys breaking again reopen a resolved one. ACCEPTED (the seller lives with the difference) is
 * left alone by runs unless its severity rises.
 */
public enum BreakState {
    OPEN, ACKNOWLEDGED, RESOLVED, ACCEPTED;

    /** Still waiting for the keys to match or for a person's decision. */
    public boolean unresolved() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
