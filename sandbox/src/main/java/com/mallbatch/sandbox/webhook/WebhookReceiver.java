package com.mallbatch.sandbox.webhook;

import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack-compatible incoming webhooks under {@code /hooks/{id}}: each accepted POST body is kept, in order, for tests to
 * read; on request the next answers are a 429 with {@code Retry-After} or a 500, as Slack answers when it is flooded
 * or down. Like Slack, a message it rejects is not kept.
 */
public final class WebhookReceiver {

    /** One message as it arrived, and when (System.nanoTime). */
    public record Message(String body, long receivedNanos) {
    }

    private record Refusal(int status, int retryAfterSeconds) {
    }

    private final Map<String, List<Message>> received = new LinkedHashMap<>();
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private int attempts;

    /** The answer to a POST on {@code /hooks/{id}}. */
    public synchronized SandboxResponse handle(String id, SandboxRequest request) throws IOException {
        if (!request.method().equals("POST")) {
            return SandboxResponse.text("method not allowed").status(405);
        }
        attempts++;
        String body = request.body();
        Refusal refusal = refusals.poll();
        if (refusal != null) {
            SandboxResponse answer = SandboxResponse.text(refusal.status() == 429 ? "rate_limited" : "internal_error")
                    .status(refusal.status());
            return refusal.retryAfterSeconds() > 0 ? answer.header("Retry-After", String.valueOf(refusal.retryAfterSeconds())) : answer;
        }
        received.computeIfAbsent(id, k -> new ArrayList<>()).add(new Message(body, System.nanoTime()));
        return SandboxResponse.text("ok");
    }

    /** The messages webhook {@code id} accepted, oldest first. */
    public synchronized List<Message> received(String id) {
        return List.copyOf(received.getOrDefault(id, List.of()));
    }

    /** Every POST that reached a webhook, accepted or refused. */
    public synchronized int attempts() {
        return attempts;
    }

    /** The next {@code times} posts, to any webhook, answer 429 with this Retry-After. */
    public synchronized void rateLimitNext(int times, int retryAfterSeconds) {
        for (int i = 0; i < times; i++) {
            refusals.add(new Refusal(429, retryAfterSeconds));
        }
    }

    /** The next {@code times} posts answer 500. */
    public synchronized void failNext(int times) {
        for (int i = 0; i < times; i++) {
            refusals.add(new Refusal(500, 0));
        }
    }

    public synchronized void clear() {
        received.clear();
        refusals.clear();
        attempts = 0;
    }
}
