package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxResponse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What every Commerce API answer shares: the trace id, the KST timestamps and the error bodies of each API family. */
final class Gateway {

    /** The documented date-time format: {@code 2022-01-01T01:01:01.001+09:00}. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    static final String TRACE_ID = "GNCP-GW-Trace-ID";
    static final String RESPONSE_TIME = "GNCP-GW-HttpClient-ResponseTime";
    static final String REPLENISH_RATE = "GNCP-GW-RateLimit-Replenish-Rate";
    static final String BURST_CAPACITY = "GNCP-GW-RateLimit-Burst-Capacity";
    static final String REMAINING = "GNCP-GW-RateLimit-Remaining";
    static final String QUOTA_PERIOD = "GNCP-GW-Quota-Period";
    static final String QUOTA_LIMIT = "GNCP-GW-Quota-Limit";
    static final String QUOTA_REMAINING = "GNCP-GW-Quota-Remaining";

    private static final AtomicLong TRACES = new AtomicLong();

    private Gateway() {
    }

    /** A trace id shaped like the documented ones ({@code ar2-55f4fd5f54-mwk8w^1643182339983^366577}). */
    static String traceId() {
        return "sbx-smartstore-gw^" + System.currentTimeMillis() + "^" + TRACES.incrementAndGet();
    }

    /** A sandbox time as the API writes it, e.g. {@code 2026-11-21T13:05:26.123+09:00}. */
    static String format(LocalDateTime seoul) {
        return seoul == null ? null : seoul.atZone(SandboxConfig.SEOUL).format(DATE_TIME);
    }

    /** The real time now, in KST: the {@code timestamp} of envelopes and error bodies. */
    static String wallClock() {
        return OffsetDateTime.ofInstant(Instant.now(), SandboxConfig.SEOUL).format(DATE_TIME);
    }

    /** A gateway error: {@code {"code","message","timestamp","traceId"}}. */
    static SandboxResponse error(GatewayError error, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("timestamp", wallClock());
        body.put("traceId", traceId);
        return SandboxResponse.json(error.status(), body);
    }

    /** A pay-order API error: {@code {"code" (a numeric string), "message", "timestamp", "traceId"}}. */
    static SandboxResponse payOrderError(int status, String code, String message, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("timestamp", wallClock());
        body.put("traceId", traceId);
        return SandboxResponse.json(status, body);
    }

    /** A product API error: {@code {"code","message","invalidInputs":[{"name","type","message"}],"timestamp"}}. */
    static SandboxResponse productError(int status, String code, String message, List<Map<String, Object>> invalidInputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("invalidInputs", invalidInputs);
        body.put("timestamp", wallClock());
        return SandboxResponse.json(status, body);
    }

    /** A settlement API error: the product shape plus {@code traceId}. */
    static SandboxResponse settlementError(int status, String code, String message,
                                           List<Map<String, Object>> invalidInputs, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("invalidInputs", invalidInputs);
        body.put("timestamp", wallClock());
        body.put("traceId", traceId);
        return SandboxResponse.json(status, body);
    }

    static Map<String, Object> invalidInput(String name, String type, String message) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("type", type);
        input.put("message", message);
        return input;
    }

    /** Puts {@code value} unless it is null: the API leaves out what does not apply. */
    static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
