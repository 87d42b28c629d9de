package com.mallbatch.jobs.commands;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The checks commands share on their {@code key=value} arguments; a refusal says what to give instead. */
final class Arguments {

    private Arguments() {
    }

    static String required(Map<String, String> arguments, String name, String what) {
        String value = arguments.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("say " + name + "=… (" + what + ")");
        }
        return value;
    }

    static String period(Map<String, String> arguments) {
        String period = required(arguments, "period", "a month like 2026-10");
        try {
            return YearMonth.parse(period).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be a month like 2026-10, got '" + period + "'");
        }
    }

    /** A job execution's id, as the runs page and BATCH_JOB_EXECUTION show it. */
    static long executionId(Map<String, String> arguments) {
        String id = required(arguments, "execution", "the execution's id, as the runs page shows it");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("execution must be a number like 42, got '" + id + "'");
        }
    }
}
