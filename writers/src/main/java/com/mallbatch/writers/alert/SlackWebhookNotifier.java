package com.mallbatch.writers.alert;

import com.mallbatch.domain.port.AlertNotifier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts alerts to Slack-compatible incoming webhooks as Block Kit messages: a header, the fields, a context line, all
 * cut to Slack's limits. Each tenant may have its own webhook, else the global one; with neither, the alert goes to
 * the log only. At most one message a second per webhook; a 429 waits its {@code Retry-After}; a failed post is
 * retried a few times and then logged — an alert never fails the run that raised it. Webhook URLs are secrets: they
 * are never logged.
 */
public final class SlackWebhookNotifier implements AlertNotifier {

    /** Where each tenant's alerts go; {@code fallback} (may be null) for tenants without one of their own. */
    public record Webhooks(String fallback, Map<String, String> byTenant) {
        String forTenant(String tenantKey) {
            String own = byTenant.get(tenantKey);
            return own != null && !own.isBlank() ? own : fallback == null || fallback.isBlank() ? null : fallback;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SlackWebhookNotifier.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final int HEADER_MAX = 150;
    private static final int FIELD_MAX = 2_000;
    private static final int FIELDS_MAX = 10;
    private static final int CONTEXT_MAX = 3_000;
    private static final int ATTEMPTS = 4;
    private static final long MAX_RETRY_AFTER_MILLIS = 30_000;

    private final Webhooks webhooks;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Duration spacing;
    private final Duration retryBackoff;
    private final Map<String, Long> nextSlot = new HashMap<>();

    /**
     * @param spacing      least time between a post's answer and the next post to the same webhook
     * @param retryBackoff wait before retrying a failed post, growing with each attempt (a 429 waits its Retry-After)
     */
    public SlackWebhookNotifier(Webhooks webhooks, Duration timeout, Duration spacing, Duration retryBackoff) {
        this.webhooks = webhooks;
        this.spacing = spacing;
        this.retryBackoff = retryBackoff;
        this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false).build();
    }

    @Override
    public void notify(Alert alert) {
        deliver(alert);
    }

    @Override
    public boolean deliver(Alert alert) {
        String url = webhooks.forTenant(alert.tenantKey());
        log.warn("Alert for {}: {} {} — {}", alert.tenantKey(), alert.title(), alert.fields(), alert.context());
        if (url == null) {
            return true; // the log is where this tenant's alerts go
        }
        byte[] body = json.writeValueAsBytes(blockKit(alert));
        String lastProblem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            waitForSlot(url);
            Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build();
            try (Response response = http.newCall(request).execute()) {
                spaceNextFrom(url);
                if (response.isSuccessful()) {
                    return true;
                }
                lastProblem = "HTTP " + response.code();
                long wait = response.code() == 429 ? retryAfterMillis(response.header("Retry-After"))
                        : retryBackoff.toMillis() * attempt;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
            } catch (IOException e) {
                spaceNextFrom(url);
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
                LockSupport.parkNanos(retryBackoff.toNanos() * attempt);
            }
        }
        log.error("Could not deliver the alert '{}' to the webhook of tenant {} after {} attempts ({}); it is in this log",
                alert.title(), alert.tenantKey(), ATTEMPTS, lastProblem);
        return false;
    }

    /** Header, fields (two columns in Slack), context: Block Kit within Slack's documented limits. */
    Map<String, Object> blockKit(Alert alert) {
        List<Map<String, Object>> fields = new ArrayList<>();
        alert.fields().entrySet().stream().limit(FIELDS_MAX).forEach(f -> fields.add(Map.of("type", "mrkdwn",
                "text", cut("*" + f.getKey() + "*\n" + f.getValue(), FIELD_MAX))));
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(alert.title(), HEADER_MAX))));
        if (!fields.isEmpty()) {
            blocks.add(Map.of("type", "section", "fields", fields));
        }
        if (alert.context() != null && !alert.context().isBlank()) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                    "text", cut(alert.context(), CONTEXT_MAX)))));
        }
        return Map.of("text", cut(alert.title(), CONTEXT_MAX), "blocks", blocks);
    }

    private void waitForSlot(String url) {
        long wait;
        synchronized (nextSlot) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot.getOrDefault(url, now));
            nextSlot.put(url, slot + spacing.toNanos());
            wait = slot - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The next post to this webhook comes a full spacing after this one's answer, however long that took. */
    private void spaceNextFrom(String url) {
        synchronized (nextSlot) {
            nextSlot.merge(url, System.nanoTime() + spacing.toNanos(), Math::max);
        }
    }

    private static long retryAfterMillis(String header) {
        try {
            return Math.min(MAX_RETRY_AFTER_MILLIS, Long.parseLong(header.trim()) * 1_000);
        } catch (RuntimeException e) {
            return 1_000;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
