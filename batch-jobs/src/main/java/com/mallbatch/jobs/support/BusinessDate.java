package com.mallbatch.jobs.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Business dates are Asia/Seoul calendar dates; a daily run collects "yesterday" unless told otherwise. */
public final class BusinessDate {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String PARAMETER = "businessDate";
    /** Jobs that run for a business date and default to yesterday. */
    public static final java.util.Set<String> DAILY_JOBS = java.util.Set.of("collectJob", "reconcileJob");

    private BusinessDate() {
    }

    public static LocalDate yesterday() {
        return LocalDate.now(SEOUL).minusDays(1);
    }

    public static LocalDate parse(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("businessDate must be an ISO date like 2026-11-20, got '" + value + "'");
        }
    }
}
