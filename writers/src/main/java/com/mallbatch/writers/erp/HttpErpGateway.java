package com.mallbatch.writers.erp;

import com.mallbatch.domain.port.ErpGateway;
import com.mallbatch.domain.settlement.BillingDocument;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts billing documents and their reversals to the ERP over HTTP. Every attempt carries the same
 * {@code Idempotency-Key}, so a retry after a timeout or a lost answer gets the document the ERP already stored, never
 * a second one. I/O errors and 5xx are retried with backoff; a 4xx is the ERP refusing the document.
 */
public final class HttpErpGateway implements ErpGateway {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String endpoint;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final RetryTemplate retry;

    public HttpErpGateway(String baseUrl, Duration timeout, int retries, Duration backoff) {
        this.endpoint = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/api/billing-documents";
        this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false).build();
        this.retry = new RetryTemplate(RetryPolicy.builder().includes(UncheckedIOException.class).maxRetries(retries)
                .delay(backoff).multiplier(2).build());
    }

    @Override
    public String post(BillingDocument document, String idempotencyKey) {
        return send(new Request.Builder().url(endpoint).header("Idempotency-Key", idempotencyKey)
                .post(RequestBody.create(json.writeValueAsString(body(document)), JSON_TYPE)).build(), idempotencyKey);
    }

    @Override
    public String reverse(String documentNo, String idempotencyKey) {
        return send(new Request.Builder().url(endpoint + "/" + documentNo + "/reversal").header("Idempotency-Key", idempotencyKey)
                .post(RequestBody.create("{}", JSON_TYPE)).build(), idempotencyKey);
    }

    private String send(Request request, String idempotencyKey) {
        try {
            return retry.execute(() -> attempt(request));
        } catch (RetryException e) {
            if (e.getCause() instanceof RejectedException rejected) {
                throw rejected;
            }
            throw new IllegalStateException("ERP at " + endpoint + " did not answer for " + idempotencyKey + " after "
                    + (e.getRetryCount() + 1) + " attempts: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private String attempt(Request request) {
        try (Response response = http.newCall(request).execute()) {
            JsonNode body = json.readTree(response.body().string());
            if (response.code() == 200 || response.code() == 201) {
                return body.path("documentNo").asString();
            }
            if (response.code() == 409 && "ALREADY_REVERSED".equals(body.path("error").path("code").asString())) {
                return body.path("documentNo").asString(); // reversed before, under another key: that reversal stands
            }
            String message = body.path("error").path("code").asString("") + ": " + body.path("error").path("message").asString("");
            if (response.code() >= 500) {
                throw new UncheckedIOException(new IOException("HTTP " + response.code() + " " + message));
            }
            throw new RejectedException("ERP refused " + request.header("Idempotency-Key") + " with HTTP " + response.code()
                    + " " + message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as the ERP's API takes it: S/H debit-credit indicators, decimal strings. */
    private static Map<String, Object> body(BillingDocument d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentDate", d.documentDate().toString());
        body.put("companyCode", d.companyCode());
        body.put("customer", d.customer());
        body.put("currency", d.currency());
        body.put("reference", d.reference());
        List<Map<String, Object>> lines = d.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("glAccount", l.glAccount());
            line.put("debitCreditIndicator", l.side() == BillingDocument.Side.DEBIT ? "S" : "H");
            line.put("amount", l.amount().toString());
            line.put("text", l.text());
            return line;
        }).toList();
        body.put("lines", lines);
        return body;
    }
}
