package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * The period filter of GET /orders and /orders/count: an order matches when one of its items has a date of the
 * {@code date_type} on a day from {@code start_date} to {@code end_date}, counting only what happened by now.
 */
record OrderSearch(LocalDate start, LocalDate end, OrderDateType dateType) {

    static OrderSearch of(Map<String, String> query) {
        LocalDate start = day(query, "start_date");
        LocalDate end = day(query, "end_date");
        if (end.isBefore(start)) {
            throw new InvalidParameter("end_date must not be before start_date. (parameter.end_date)");
        }
        if (end.isAfter(start.plusMonths(3))) {
            throw new InvalidParameter("The search period may not exceed 3 months. (parameter.start_date, parameter.end_date)");
        }
        return new OrderSearch(start, end, OrderDateType.of(query.getOrDefault("date_type", "order_date")));
    }

    boolean matches(Order order, LocalDateTime now) {
        if (!order.orderedBy(now)) {
            return false;
        }
        for (Item item : order.items()) {
            Timeline timeline = item.timeline();
            for (ItemStep step : dateType.steps()) {
                LocalDateTime at = timeline.date(step, now);
                if (at != null && !at.toLocalDate().isBefore(start) && !at.toLocalDate().isAfter(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code YYYY-MM-DD}, or a date-time with or without an offset (in Seoul's day). A '+' sent unencoded arrives
     * as a space, so a trailing " 09:00" is read as the offset it was.
     */
    private static LocalDate day(Map<String, String> query, String name) {
        String raw = Params.required(query, name);
        try {
            if (raw.length() == 10) {
                return LocalDate.parse(raw);
            }
            String iso = raw.replaceFirst(" (\\d{2}:\\d{2})$", "+$1").replace(' ', 'T');
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime at
                    ? at.atZoneSameInstant(SandboxConfig.SEOUL).toLocalDate() : ((LocalDateTime) parsed).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name + " must be YYYY-MM-DD or a date-time, got '" + raw + "'. (parameter." + name + ")");
        }
    }
}
