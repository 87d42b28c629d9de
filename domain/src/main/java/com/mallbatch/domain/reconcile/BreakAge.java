package com.mallbatch.domain.reconcile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How long a break has been open, in the buckets people sort by: 0–1, 1–3, 3–7 and over 7 days. */
public enum BreakAge {
    D0_1("0-1d"), D1_3("1-3d"), D3_7("3-7d"), OVER_7("7d+");

    private final String label;

    BreakAge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static long days(LocalDate firstFound, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(firstFound, asOf));
    }

    public static BreakAge of(LocalDate firstFound, LocalDate asOf) {
        long days = days(firstFound, asOf);
        return days <= 1 ? D0_1 : days <= 3 ? D1_3 : days <= 7 ? D3_7 : OVER_7;
    }

    /**
     * A finding's severity as its break ages: one step up from 3 days, two from 7, never up to CRITICAL, which only an
     * oversell risk is.
     */
    public static Severity aged(Severity found, LocalDate firstFound, LocalDate asOf) {
        if (found == Severity.CRITICAL) {
            return found;
        }
        long days = days(firstFound, asOf);
        Severity aged = days > 7 ? found.raised().raised() : days >= 3 ? found.raised() : found;
        return aged == Severity.CRITICAL ? Severity.HIGH : aged;
    }
}
