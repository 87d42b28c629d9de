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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SAP-style ERP's billing documents:
 * <ul>
 *   <li>{@code POST /erp/api/billing-documents} with an {@code Idempotency-Key}: stores each document once per key
 *   (a repeat returns the stored document with 200) and rejects an unbalanced one with 422;</li>
 *   <li>{@code POST /erp/api/billing-documents/{documentNo}/reversal} with an {@code Idempotency-Key}: posts the
 *   reversal (cancellation) document of a posted one — every line on the other side, referencing it — once; a
 *   document is reversed at most once (a second reversal under another key answers 409 naming the first);</li>
 *   <li>{@code GET /erp/api/balances?customer=…&period=2026-10}: the open receivable of a customer for a period, the
 *   receivable account's debits less its credits over the period's documents and their reversals.</li>
 * </ul>
 * On request it fails calls (503) or stores a document and then drops the answer.
 */
public final class ErpServer {

    /** The general-ledger account of receivables, as mallbatch's documents and the balance query use it. */
    public static final String RECEIVABLE = "110300";
    private static final String DOCUMENTS = "/api/billing-documents";
    private static final Pattern REVERSAL = Pattern.compile("/api/billing-documents/([0-9]+)/reversal");

    private final ObjectMapper json;
    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> byNumber = new LinkedHashMap<>();
    private final Map<String, String> reversedBy = new LinkedHashMap<>();
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

    /** The next {@code n} new documents (or reversals) are stored, but their answers are lost on the way back. */
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

    /** The open receivable of {@code customer} over the documents dated in {@code period} (e.g. 2026-10). */
    public synchronized BigDecimal balance(String customer, String period) {
        BigDecimal balance = BigDecimal.ZERO;
        for (Map<String, Object> record : byKey.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) record.get("document");
            if (!customer.equals(document.get("customer")) || !String.valueOf(document.get("documentDate")).startsWith(period)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) document.get("lines");
            for (Map<String, Object> line : lines) {
                if (RECEIVABLE.equals(line.get("glAccount"))) {
                    BigDecimal amount = new BigDecimal(String.valueOf(line.get("amount")));
                    balance = "S".equals(line.get("debitCreditIndicator")) ? balance.add(amount) : balance.subtract(amount);
                }
            }
        }
        return balance;
    }

    public synchronized SandboxResponse handle(SandboxRequest request) throws java.io.IOException {
        if (request.method().equals("GET") && request.path().equals("/api/balances")) {
            String customer = request.query().get("customer");
            String period = request.query().get("period");
            if (customer == null || period == null) {
                return SandboxResponse.json(400, error("MISSING", "customer and period are required"));
            }
            return SandboxResponse.json(200, Map.of("customer", customer, "period", period,
                    "receivable", balance(customer, period).toPlainString()));
        }
        Matcher reversal = REVERSAL.matcher(request.path());
        boolean isReversal = request.method().equals("POST") && reversal.matches();
        if (!isReversal && !(request.method().equals("POST") && request.path().equals(DOCUMENTS))) {
            return SandboxResponse.json(404, error("NOT_FOUND", "POST " + DOCUMENTS + ", POST " + DOCUMENTS
                    + "/{documentNo}/reversal and GET /api/balances are the endpoints"));
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
        return isReversal ? reverse(reversal.group(1), key) : post(request, key);
    }

    private SandboxResponse post(SandboxRequest request, String key) throws java.io.IOException {
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
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(document, Map.class);
        return store(key, body);
    }

    /** The cancellation document: the original's lines on the other side, dated like it, referencing it. */
    private SandboxResponse reverse(String documentNo, String key) {
        Map<String, Object> original = byNumber.get(documentNo);
        if (original == null) {
            return SandboxResponse.json(404, error("NO_SUCH_DOCUMENT", "document " + documentNo + " does not exist"));
        }
        String earlier = reversedBy.get(documentNo);
        if (earlier != null) {
            return SandboxResponse.json(409, Map.of("error", Map.of("code", "ALREADY_REVERSED", "message",
                    "document " + documentNo + " is already reversed by " + earlier), "documentNo", earlier));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) original.get("document"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) document.get("lines");
        document.put("lines", lines.stream().map(line -> {
            Map<String, Object> mirrored = new LinkedHashMap<>(line);
            mirrored.put("debitCreditIndicator", "S".equals(line.get("debitCreditIndicator")) ? "H" : "S");
            return mirrored;
        }).toList());
        document.put("reference", "REVERSAL-" + documentNo);
        document.put("reverses", documentNo);
        SandboxResponse answer = store(key, document);
        reversedBy.put(documentNo, (String) byKey.get(key).get("documentNo"));
        return answer;
    }

    private SandboxResponse store(String key, Map<String, Object> document) {
        String documentNo = String.format("90%08d", ++sequence);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("documentNo", documentNo);
        record.put("idempotencyKey", key);
        record.put("document", document);
        byKey.put(key, record);
        byNumber.put(documentNo, record);
        if (dropNextAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return SandboxResponse.dropped();
        }
        return SandboxResponse.json(201, Map.of("documentNo", documentNo, "replayed", false));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }
}
