package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.RateBudget;

import java.util.concurrent.locks.LockSupport;

/**
 * The client's copy of a mall's leaky bucket. Every call adds one; the bucket drains at the mall's rate; a call
 * waits only as long as it takes for room to appear. So the mall's whole budget is used — bursts up to the bucket
 * size, then exactly the drain rate — without drawing 429s. What the mall reports in X-Api-Call-Limit corrects the
 * estimate upwards (another client, clock drift), and a 429 that comes anyway marks the bucket full.
 */
final class Cafe24Throttle {

    /** Room kept free for jitter between our clock and the mall's. */
    private static final double HEADROOM = 1.0;

    private final double capacity;
    private final double leakPerNano;
    private final long minSpacingNanos;
    private double level;
    private long lastDrain = System.nanoTime();
    private long nextAllowed = System.nanoTime();

    Cafe24Throttle(RateBudget budget, double maxCallsPerSecond) {
        this.capacity = budget.capacity();
        this.leakPerNano = budget.leakPerSecond() / 1e9;
        this.minSpacingNanos = (long) (1e9 / maxCallsPerSecond);
    }

    /** Blocks until a call fits; returns the nanoseconds spent waiting. */
    long acquire() {
        long waited = 0;
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                drain(now);
                long roomIn = level + 1 <= capacity - HEADROOM ? 0
                        : (long) ((level + 1 - (capacity - HEADROOM)) / leakPerNano);
                waitNanos = Math.max(roomIn, nextAllowed - now);
                if (waitNanos <= 0) {
                    level += 1;
                    nextAllowed = now + minSpacingNanos;
                    return waited;
                }
            }
            LockSupport.parkNanos(waitNanos);
            waited += waitNanos;
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the mall's call budget");
            }
        }
    }

    /** Takes the mall's own count ("used/capacity") into account. */
    synchronized void observe(String callLimitHeader) {
        if (callLimitHeader == null) {
            return;
        }
        int slash = callLimitHeader.indexOf('/');
        try {
            int used = Integer.parseInt(callLimitHeader.substring(0, slash).trim());
            drain(System.nanoTime());
            level = Math.max(level, used);
        } catch (RuntimeException ignored) {
            // an unreadable header leaves the estimate as it was
        }
    }

    /** The mall said 429: treat the bucket as full. */
    synchronized void rejected() {
        drain(System.nanoTime());
        level = capacity;
    }

    private void drain(long now) {
        level = Math.max(0, level - (now - lastDrain) * leakPerNano);
        lastDrain = now;
    }
}
