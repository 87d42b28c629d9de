package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.readers.MallApiException;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads one Cafe24 mall's Admin API. Every call waits for room in the mall's bucket, carries a fresh access token
 * and the API version, and is retried with backoff when it fails transiently; a 5xx also halves the page size of
 * the retry, since large pages are what tends to time out on the mall's side.
 */
final class Cafe24Client {

    /** A page body and the request it answered (the page size may have shrunk on the way). */
    record Reply(JsonNode body, String url, int limit) {
    }

    private static final int MIN_PAGE_SIZE = 10;

    private final MallAccount account;
    private final String baseUrl;
    private final Cafe24Settings settings;
    private final OkHttpClient http;
    private final Cafe24Throttle throttle;
    private final Cafe24Tokens tokens;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final RetryTemplate retry;

    Cafe24Client(MallAccount account, String baseUrl, Cafe24Settings settings, OkHttpClient http,
                 Cafe24Throttle throttle, Cafe24Tokens tokens, ObjectMapper json, MeterRegistry meters) {
        this.account = account;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.http = http;
        this.throttle = throttle;
        this.tokens = tokens;
        this.json = json;
        this.meters = meters;
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .includes(TransientApiException.class)
                .maxRetries(settings.maxRetries())
                .delay(settings.initialBackoff())
                .multiplier(2)
                .maxDelay(settings.maxBackoff())
                .jitter(Duration.ofMillis(50))
                .build());
    }

    /** GETs an Admin API path; {@code query} may hold a "limit" that retries after a 5xx may lower. */
    Reply get(String path, Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>(query);
        try {
            return retry.execute(() -> attempt(path, params));
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof MallApiException fatal) {
                throw fatal;
            }
            throw new MallApiException("Cafe24 " + account.label() + " " + url(path, params) + " still failing after "
                    + (e.getRetryCount() + 1) + " attempts: " + last.getMessage(), last);
        }
    }

    private Reply attempt(String path, Map<String, String> params) {
        HttpUrl url = url(path, params);
        long waited = throttle.acquire();
        meters.timer("mallbatch.api.throttle.wait", "platform", "CAFE24")
                .record(waited, TimeUnit.NANOSECONDS);
        String token = tokens.accessToken();
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Cafe24-Api-Version", settings.apiVersion())
                .build();
        try (Response response = http.newCall(request).execute()) {
            count(String.valueOf(response.code()));
            throttle.observe(response.header("X-Api-Call-Limit"));
            if (response.code() == 200) {
                // parsed from the bytes: UTF-8 is decoded once, by the parser, not into a String first
                return new Reply(parse(response.body().bytes(), url), url.toString(), limit(params));
            }
            String body = response.body().string();
            switch (response.code()) {
                case 401 -> {
                    tokens.rejected(token);
                    throw new TransientApiException(url + " answered 401: " + errorMessage(body));
                }
                case 429 -> {
                    throttle.rejected();
                    throw new TransientApiException(url + " answered 429: " + errorMessage(body));
                }
                default -> {
                    if (response.code() >= 500) {
                        shrinkPage(params);
                        throw new TransientApiException(url + " answered " + response.code() + ": " + errorMessage(body));
                    }
                    throw new MallApiException("Cafe24 " + account.label() + " refused " + url + " with HTTP "
                            + response.code() + ": " + errorMessage(body));
                }
            }
        } catch (IOException e) {
            count("io_error");
            throw new TransientApiException(url + " failed: " + e, e);
        }
    }

    private JsonNode parse(byte[] body, HttpUrl url) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            count("malformed_body");
            throw new TransientApiException(url + " sent a body that is not valid JSON (" + body.length
                    + " bytes): " + e.getOriginalMessage(), e);
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            return error.isObject() ? error.path("message").asString("") : body;
        } catch (JacksonException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static void shrinkPage(Map<String, String> params) {
        String limit = params.get("limit");
        if (limit != null) {
            params.put("limit", String.valueOf(Math.max(MIN_PAGE_SIZE, Integer.parseInt(limit) / 2)));
        }
    }

    private static int limit(Map<String, String> params) {
        return Integer.parseInt(params.getOrDefault("limit", "0"));
    }

    private HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder url = HttpUrl.get(baseUrl + path).newBuilder();
        params.forEach(url::addQueryParameter);
        return url.build();
    }

    private void count(String outcome) {
        // per platform, not per account: a thousand accounts must not make a thousand series per outcome
        meters.counter("mallbatch.api.calls", "platform", "CAFE24", "outcome", outcome)
                .increment();
    }
}
