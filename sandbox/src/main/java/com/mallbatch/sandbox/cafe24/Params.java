package com.mallbatch.sandbox.cafe24;

import java.util.Map;

/** Reads query parameters the way the Admin API validates them; a bad one is an {@link InvalidParameter}. */
final class Params {

    private Params() {
    }

    static int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        long value = longParam(query, name, fallback);
        if (value < min || value > max) {
            throw new InvalidParameter("The value of " + name + " must be between " + min + " and " + max
                    + ". (parameter." + name + ")");
        }
        return (int) value;
    }

    static long longParam(Map<String, String> query, String name, long fallback) {
        String raw = query.get(name);
        try {
            return raw == null ? fallback : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name + " must be a number, got '" + raw + "'. (parameter." + name + ")");
        }
    }

    static int requiredInt(Map<String, String> query, String name, int min, int max) {
        required(query, name);
        return intParam(query, name, min, min, max);
    }

    /** A required {@code YYYY-MM-DD}. */
    static java.time.LocalDate requiredDate(Map<String, String> query, String name) {
        String raw = required(query, name);
        try {
            return java.time.LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameter(name + " must be YYYY-MM-DD, got '" + raw + "'. (parameter." + name + ")");
        }
    }

    static String required(Map<String, String> query, String name) {
        String raw = query.get(name);
        if (raw == null || raw.isEmpty()) {
            throw new InvalidParameter(name + " is a required field. (parameter." + name + ")");
        }
        return raw;
    }
}
