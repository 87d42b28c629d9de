package com.mallbatch.domain.reconcile;

/** What a check concluded of what it measured. PENDING: the mall's own figure is not published yet, asked again later. */
public enum Verdict {
    PASS, WARN, FAIL, PENDING;

    public Verdict worse(Verdict other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case PASS -> 0;
            case PENDING -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }
}
