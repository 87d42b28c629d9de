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
}
