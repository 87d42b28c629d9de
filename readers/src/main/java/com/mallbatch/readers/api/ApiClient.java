package com.mallbatch.readers.api;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.MallRefusedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One seller's REST API, for any platform ({@link ApiDialect}): every call waits for room in the budget, carries
 * the authorization and the platform's headers, and is retried with backoff when it fails transiently — I/O, a
 * stalled call, 5xx (with a halved page, since large pages are what tends to time out on the platform's side), 429
 * (the budget marked spent), a refused token (refreshed), a truncated body. What outlasts the retries, or what
 * retrying cannot fix, is a {@link MallApiException} naming the account and the call. Calls are counted per platform
 * and outcome.
 */
public final class ApiClient {

    /** A body and the request it answered (the page size may have shrunk on the way). */
    public record Reply(JsonNode body, String url, int pageSize) {
    }

    private static final int MIN_PAGE_SIZE = 10;
    private static final MediaType JSON = MediaType.get("application/json");

    private final MallAccount account;
    private final String baseUrl;
    private final ApiDialect dialect;
    private final OkHttpClient http;
    private final CallBudget budget;
    private final ApiAuth auth;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Timer throttleWait;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final RetryTemplate retry;
    private final FetchFailureLog failures;

    /** @param failures where each failed attempt is written down (the run's failure page lists them) */
    public ApiClient(MallAccount account, String baseUrl, ApiDialect dialect, ApiSettings settings, OkHttpClient http,
                     CallBudget budget, ApiAuth auth, ObjectMapper json, MeterRegistry meters, FetchFailureLog failures) {
        this.failures = failures;
        this.account = account;
        this.baseUrl = baseUrl;
        this.dialect = dialect;
        this.http = http;
        this.budget = budget;
        this.auth = auth;
        this.json = json;
        this.meters = meters;
        this.throttleWait = meters.timer("mallbatch.api.throttle.wait", "platform", dialect.platform());
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .includes(TransientApiException.class)
                .maxRetries(settings.maxRetries())
                .delay(settings.initialBackoff())
                .multiplier(2)
                .maxDelay(settings.maxBackoff())
                .jitter(Duration.ofMillis(50))
                .build());
    }

    /** GETs a path; {@code query} may hold the page-size parameter, which retries after a 5xx may lower. */
    public Reply get(String path, Map<String, String> query) {
        return call(path, query, null);
    }

    /** POSTs a JSON body to a path. */
    public Reply post(String path, Map<String, String> query, Object body) {
        return call(path, query, body);
    }

    private Reply call(String path, Map<String, String> query, Object body) {
        Map<String, String> params = new LinkedHashMap<>(query);
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.execute(() -> attempt(path, params, body, attempts.incrementAndGet()));
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof MallApiException fatal) {
                throw fatal;
            }
            throw new MallApiException(dialect.displayName() + " " + account.label() + " " + url(path, params)
                    + " still failing after " + (e.getRetryCount() + 1) + " attempts: " + last.getMessage(), last);
        }
    }

    /** Writes a failed attempt down, with the step it ran in (null outside a run's step). */
    private void recordFailure(HttpUrl url, Integer status, String error, int attempt) {
        StepContext step = StepSynchronizationManager.getContext();
        failures.record(new FetchFailureLog.Failure(account.id(), url.toString(), status, error, attempt,
                step == null ? null : step.getStepExecution().getId()));
    }

    private Reply attempt(String path, Map<String, String> params, Object body, int attempt) {
        HttpUrl url = url(path, params);
        long waited = budget.acquire();
        throttleWait.record(waited, TimeUnit.NANOSECONDS);
        String authorization = auth.authorization();
        Request.Builder request = new Request.Builder().url(url).header("Authorization", authorization);
        dialect.headers().forEach(request::header);
        if (body != null) {
            request.post(RequestBody.create(json.writeValueAsBytes(body), JSON));
        }
        try (Response response = http.newCall(request.build()).execute()) {
            count(String.valueOf(response.code()));
            budget.observe(response::header);
            if (response.code() == 200) {
                // parsed from the bytes: UTF-8 is decoded once, by the parser, not into a String first
                try {
                    return new Reply(parse(response.body().bytes(), url), url.toString(), pageSize(params));
                } catch (TransientApiException malformed) {
                    recordFailure(url, response.code(), malformed.getMessage(), attempt);
                    throw malformed;
                }
            }
            ApiDialect.Failure failure = dialect.classify(response.code(), response.body().string());
            String said = url + " answered " + response.code() + ": " + failure.message();
            recordFailure(url, response.code(), failure.kind() + ": " + failure.message(), attempt);
            switch (failure.kind()) {
                case UNAUTHORIZED -> {
                    auth.rejected(authorization);
                    throw new TransientApiException(said);
                }
                case RATE_LIMITED -> {
                    budget.rejected();
                    throw new TransientApiException(said);
                }
                case TRANSIENT -> {
                    if (response.code() >= 500) {
                        shrinkPage(params);
                    }
                    throw new TransientApiException(said);
                }
                default -> throw new MallRefusedException(dialect.displayName() + " " + account.label() + " refused " + url
                        + " with HTTP " + response.code() + ": " + failure.message());
            }
        } catch (IOException e) {
            count("io_error");
            recordFailure(url, null, e.toString(), attempt);
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

    private void shrinkPage(Map<String, String> params) {
        String size = dialect.pageSizeParameter() == null ? null : params.get(dialect.pageSizeParameter());
        if (size != null) {
            params.put(dialect.pageSizeParameter(), String.valueOf(Math.max(MIN_PAGE_SIZE, Integer.parseInt(size) / 2)));
        }
    }

    private int pageSize(Map<String, String> params) {
        String size = dialect.pageSizeParameter() == null ? null : params.get(dialect.pageSizeParameter());
        return size == null ? 0 : Integer.parseInt(size);
    }

    private HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder url = HttpUrl.get(baseUrl + path).newBuilder();
        params.forEach(url::addQueryParameter);
        return url.build();
    }

    private void count(String outcome) {
        // per platform, not per account: a thousand accounts must not make a thousand series per outcome
        calls.computeIfAbsent(outcome, o -> meters.counter("mallbatch.api.calls", "platform", dialect.platform(),
                "outcome", o)).increment();
    }
}
