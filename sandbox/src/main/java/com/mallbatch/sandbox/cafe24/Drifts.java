package com.mallbatch.sandbox.cafe24;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One mall's injected disagreements with its own truth, for reconciliation tests: orders its order list leaves out,
 * daily sales figures it misreports or publishes late, variants whose stock it lists wrongly, and a revoked sales
 * report scope. Set at runtime through {@link Cafe24Mall}; every method is synchronized, so a knob changes between
 * two requests, never within one.
 */
final class Drifts {

    /** When Cafe24 has a day's sales figures: the next day at 06:00 (Asia/Seoul). */
    static final LocalTime DEFAULT_PUBLISHED_AT = LocalTime.of(6, 0);

    record Adjustment(int countDelta, BigDecimal amountDelta) {
    }

    /** Not published while the mall's clock is before {@code until} (null: no such bound) or while requests are owed. */
    record Delay(LocalDateTime until, int requestsLeft) {
    }

    private final Set<String> hiddenOrders = new LinkedHashSet<>();
    private final Map<LocalDate, Adjustment> adjustments = new TreeMap<>();
    private final Map<LocalDate, Delay> delays = new TreeMap<>();
    private final Map<String, Integer> stockDeltas = new LinkedHashMap<>();
    private boolean salesReportScope = true;
    private LocalTime publishedAt = DEFAULT_PUBLISHED_AT;

    synchronized void hide(String orderId) {
        hiddenOrders.add(orderId);
    }

    synchronized boolean hidden(String orderId) {
        return !hiddenOrders.isEmpty() && hiddenOrders.contains(orderId);
    }

    synchronized List<String> hiddenOrders() {
        return List.copyOf(hiddenOrders);
    }

    synchronized void adjust(LocalDate day, int countDelta, BigDecimal amountDelta) {
        adjustments.merge(day, new Adjustment(countDelta, amountDelta),
                (a, b) -> new Adjustment(a.countDelta() + b.countDelta(), a.amountDelta().add(b.amountDelta())));
    }

    synchronized Adjustment adjustment(LocalDate day) {
        return adjustments.get(day);
    }

    synchronized void delay(LocalDate day, LocalDateTime until, int requests) {
        delays.put(day, new Delay(until, requests));
    }

    /**
     * Whether the report of {@code day} is out at the mall's {@code now}; a request that finds it held back by a
     * count of requests uses one of them up.
     */
    synchronized boolean published(LocalDate day, LocalDateTime now) {
        if (now.isBefore(day.plusDays(1).atTime(publishedAt))) {
            return false;
        }
        Delay delay = delays.get(day);
        if (delay == null) {
            return true;
        }
        if (delay.until() != null && now.isBefore(delay.until())) {
            return false;
        }
        if (delay.requestsLeft() > 0) {
            delays.put(day, new Delay(delay.until(), delay.requestsLeft() - 1));
            return false;
        }
        return true;
    }

    synchronized void publishedAt(LocalTime time) {
        this.publishedAt = time;
    }

    synchronized LocalTime publishedAt() {
        return publishedAt;
    }

    synchronized void stockDeltas(Map<String, Integer> deltasByVariantCode) {
        stockDeltas.clear();
        stockDeltas.putAll(deltasByVariantCode);
    }

    synchronized int stockDelta(String variantCode) {
        return stockDeltas.isEmpty() ? 0 : stockDeltas.getOrDefault(variantCode, 0);
    }

    synchronized boolean anyStockDrift() {
        return !stockDeltas.isEmpty();
    }

    synchronized Map<String, Integer> stockDeltas() {
        return Map.copyOf(stockDeltas);
    }

    synchronized void salesReportScope(boolean granted) {
        this.salesReportScope = granted;
    }

    synchronized boolean salesReportScope() {
        return salesReportScope;
    }

    synchronized void clear() {
        hiddenOrders.clear();
        adjustments.clear();
        delays.clear();
        stockDeltas.clear();
        salesReportScope = true;
        publishedAt = DEFAULT_PUBLISHED_AT;
    }

    /** The knobs as the control endpoint shows them. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden_orders", List.copyOf(hiddenOrders));
        m.put("daily_sales_adjustments", adjustments.entrySet().stream().map(e -> Map.of("day", e.getKey().toString(),
                "count_delta", e.getValue().countDelta(), "amount_delta", e.getValue().amountDelta().toPlainString())).toList());
        m.put("daily_sales_delays", delays.entrySet().stream().map(e -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", e.getKey().toString());
            d.put("until", e.getValue().until() == null ? null : e.getValue().until().toString());
            d.put("requests_left", e.getValue().requestsLeft());
            return d;
        }).toList());
        m.put("stock_deltas", Map.copyOf(stockDeltas));
        m.put("sales_report_scope", salesReportScope);
        m.put("published_at", publishedAt.toString());
        return m;
    }
}
