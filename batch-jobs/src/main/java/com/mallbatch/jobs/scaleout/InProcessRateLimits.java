package com.mallbatch.jobs.scaleout;

import com.mallbatch.readers.api.CallBudget;
import com.mallbatch.readers.ratelimit.SharedRateLimits;
import io.github.bucket4j.Bucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budgets shared within this process only: right for a single process (local mode), and what a worker falls back to
 * without {@code mallbatch.rate-limits.redis-url} — then each worker keeps the whole budget for itself, which the
 * log says at start-up.
 */
final class InProcessRateLimits implements SharedRateLimits {

    private final Map<String, CallBudget> budgets = new ConcurrentHashMap<>();

    @Override
    public CallBudget budget(String name, long capacity, double perSecond) {
        return budgets.computeIfAbsent(name, n -> new BucketCallBudget(Bucket.builder()
                .addLimit(BucketCallBudget.configuration(capacity, perSecond).getBandwidths()[0]).build().asBlocking()));
    }
}
