package com.mallbatch.sandbox.smartstore;

/**
 * The Commerce API gateway's rate limiter for one API and one application: a token bucket that holds at most the
 * burst capacity (twice the per-second rate, as documented: a burst may use twice the limit, which then is missing
 * in the next second) and refills at the replenish rate; each call takes one token. It starts full.
 * {@code GNCP-GW-RateLimit-Remaining} reports the whole tokens left after the call (0 on a refusal).
 */
final class TokenBucket {

    private final int replenishRate;
    private final int burstCapacity;
    private double tokens;
    private long lastNanos = System.nanoTime();

    TokenBucket(int replenishRate) {
        this.replenishRate = replenishRate;
        this.burstCapacity = 2 * replenishRate;
        this.tokens = burstCapacity;
    }

    /** Takes a token if there is one; returns the whole tokens left after it, or -1 when the bucket is empty. */
    synchronized long tryTake() {
        refill();
        if (tokens < 1) {
            return -1;
        }
        tokens -= 1;
        return (long) Math.floor(tokens);
    }

    /** The tokens there are now, whole or not, without taking one. */
    synchronized double available() {
        refill();
        return tokens;
    }

    int replenishRate() {
        return replenishRate;
    }

    int burstCapacity() {
        return burstCapacity;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burstCapacity, tokens + (now - lastNanos) * replenishRate / 1e9);
        lastNanos = now;
    }
}
