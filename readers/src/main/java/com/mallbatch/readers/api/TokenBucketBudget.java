package com.mallbatch.readers.api;

import java.util.function.UnaryOperator;

/**
 * A token bucket fed by the platform's rate-limit headers (SmartStore: {@code GNCP-GW-RateLimit-Replenish-Rate},
 * {@code -Burst-Capacity}, {@code -Remaining}). It starts from a configured guess; each answer tells the real
 * replenish rate and burst, and how many tokens the platform still counts, which is taken when it is lower than
 * ours (others spend the same budget). A call takes one token and waits for one when none is left; a 429 empties it.
 */
public final class TokenBucketBudget implements CallBudget {

    /** The names of the headers that report the bucket. */
    public record Headers(String replenishRate, String burstCapacity, String remaining) {
    }

    private final Headers headers;
    private double ratePerNano;
    private double capacity;
    private double tokens;
    private long lastRefill = System.nanoTime();

    public TokenBucketBudget(double replenishPerSecond, double burstCapacity, Headers headers) {
        this.ratePerNano = replenishPerSecond / 1e9;
        this.capacity = burstCapacity;
        this.tokens = burstCapacity;
        this.headers = headers;
    }

    @Override
    public long acquire() {
        long waited = 0;
        while (true) {
            long waitNanos;
            synchronized (this) {
                refill(System.nanoTime());
                if (tokens >= 1) {
                    tokens -= 1;
                    return waited;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / ratePerNano);
            }
            Waiting.park(waitNanos);
            waited += waitNanos;
        }
    }

    @Override
    public synchronized void observe(UnaryOperator<String> header) {
        refill(System.nanoTime());
        Double rate = number(header.apply(headers.replenishRate()));
        Double burst = number(header.apply(headers.burstCapacity()));
        Double remaining = number(header.apply(headers.remaining()));
        if (rate != null && rate > 0) {
            ratePerNano = rate / 1e9;
        }
        if (burst != null && burst > 0) {
            capacity = burst;
            tokens = Math.min(tokens, capacity);
        }
        if (remaining != null) {
            tokens = Math.min(tokens, remaining);
        }
    }

    @Override
    public synchronized void rejected() {
        refill(System.nanoTime());
        tokens = Math.min(tokens, 0);
    }

    /** The replenish rate the platform last reported (or the guess), per second. */
    public synchronized double replenishPerSecond() {
        return ratePerNano * 1e9;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerNano);
        lastRefill = now;
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
