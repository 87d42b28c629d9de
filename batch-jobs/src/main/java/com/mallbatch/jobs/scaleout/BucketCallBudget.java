package com.mallbatch.jobs.scaleout;

import com.mallbatch.readers.api.CallBudget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** A {@link CallBudget} drawn from a Bucket4j bucket (in this process, or kept in Redis for all of them). */
final class BucketCallBudget implements CallBudget {

    private final BlockingBucket bucket;

    BucketCallBudget(BlockingBucket bucket) {
        this.bucket = bucket;
    }

    /** Bursts of {@code capacity}, refilled smoothly at {@code perSecond} (fractions allowed: 0.5 is one call per 2 s). */
    static BucketConfiguration configuration(long capacity, double perSecond) {
        long perThousandSeconds = Math.max(1, Math.round(perSecond * 1000));
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(perThousandSeconds, Duration.ofSeconds(1000))
                        .initialTokens(capacity).build())
                .build();
    }

    @Override
    public long acquire() {
        long started = System.nanoTime();
        try {
            bucket.consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for a shared call budget", e);
        }
        return System.nanoTime() - started;
    }

    @Override
    public void observe(UnaryOperator<String> header) {
        // an application-wide budget is configured, not learnt from one seller's answers
    }

    @Override
    public void rejected() {
        // a 429 speaks for the seller's budget, which the adapter keeps beside this one
    }
}
