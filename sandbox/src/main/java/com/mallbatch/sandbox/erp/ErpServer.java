package com.mallbatch.sandbox.erp;

import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ERP's billing-document endpoint, {@code POST /erp/api/billing-documents} with an {@code Idempotency-Key}
 * header: stores each document once per key (a repeat returns the stored document with 200), rejects an unbalanced
 * one with 422, and on request fails calls (503) or stores a document and then drops the answer.
 */
public final class ErpServer {

    private final ObjectMapper json;
    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNextAnswers = new AtomicInteger();
    private int sequence;

    public ErpServer(ObjectMapper json) {
        this.json = json;
    }

    /** The next {@code n} calls answer 503 without storing anything. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** The next {@code n} new documents are stored, but their answers are lost on the way back. */
    public void dropNextAnswers(int n) {
        dropNextAnswers.set(n);
    }

    /** Injected failures and drops not yet spent. */
    public int pendingFaults() {
        return failNext.get() + dropNextAnswers.get();
    }

    public synchronized List<Map<String, Object>> documents() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    public synchronized SandboxResponse handle(SandboxRequest request) throws java.io.IOException {
        if (!request.method().equals("POST") || !request.path().equals("/api/billing-documents")) {
            return SandboxResponse.json(404, error("NOT_FOUND", "POST /erp/api/billing-documents is the only endpoint"));
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return SandboxResponse.json(503, error("UNAVAILABLE", "ERP is temporarily unavailable"));
        }
        String key = request.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return SandboxResponse.json(400, error("NO_IDEMPOTENCY_KEY", "the Idempotency-Key header is required"));
        }
        Map<String, Object> stored = byKey.get(key);
        if (stored != null) {
            return SandboxResponse.json(200, Map.of("documentNo", stored.get("documentNo"), "replayed", true));
        }
        JsonNode document;
        try {
            document = json.readTree(request.body());
        } catch (JacksonException e) {
            return SandboxResponse.json(400, error("MALFORMED", "the body is not JSON: " + e.getOriginalMessage()));
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JsonNode line : document.path("lines")) {
            BigDecimal amount = new BigDecimal(line.path("amount").asString("0"));
            if ("S".equals(line.path("debitCreditIndicator").asString())) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }
        if (debits.compareTo(credits) != 0 || debits.signum() == 0 && !document.path("lines").isEmpty()) {
            return SandboxResponse.json(422, error("UNBALANCED", "debits " + debits.toPlainString() + " do not equal credits "
                    + credits.toPlainString() + " in document " + document.path("reference").asString("?")));
        }
        String documentNo = String.format("90%08d", ++sequence);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("documentNo", documentNo);
        record.put("idempotencyKey", key);
        record.put("document", json.convertValue(document, Map.class));
        byKey.put(key, record);
        if (dropNextAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return SandboxResponse.dropped();
        }
        return SandboxResponse.json(201, Map.of("documentNo", documentNo, "replayed", false));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }
}
