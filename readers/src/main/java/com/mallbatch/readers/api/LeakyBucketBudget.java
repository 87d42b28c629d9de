package com.mallbatch.readers.api;

import com.mallbatch.domain.RateBudget;

import java.util.function.UnaryOperator;

/**
 * The client's copy of a platform's leaky bucket (Cafe24: bucket 40, draining 2 a second). Every call adds one; the
 * bucket drains at the platform's rate; a call waits only as long as it takes for room to appear. So the whole budget
 * is used — bursts up to the bucket size, then exactly the drain rate — without drawing 429s. The platform's own count
 * in a "used/capacity" header corrects the estimate upwards (another client, clock drift), and a 429 that comes
 * anyway marks the bucket full. Calls are also spaced by {@code maxCallsPerSecond}.
 */
public final class LeakyBucketBudget implements CallBudget {

    /** Room kept free for jitter between our clock and the platform's. */
    private static final double HEADROOM = 1.0;

    private final double capacity;
    private final double leakPerNano;
    private final long minSpacingNanos;
    private final String usageHeader;
    private double level;
    private long lastDrain = System.nanoTime();
    private long nextAllowed = System.nanoTime();

    /** @param usageHeader the response header that reports "used/capacity" (Cafe24: X-Api-Call-Limit) */
    public LeakyBucketBudget(RateBudget budget, double maxCallsPerSecond, String usageHeader) {
        this.capacity = budget.capacity();
        this.leakPerNano = budget.leakPerSecond() / 1e9;
        this.minSpacingNanos = (long) (1e9 / maxCallsPerSecond);
        this.usageHeader = usageHeader;
    }

    @Override
    public long acquire() {
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
            Waiting.park(waitNanos);
            waited += waitNanos;
        }
    }

    @Override
    public synchronized void observe(UnaryOperator<String> header) {
        String usage = header.apply(usageHeader);
        if (usage == null) {
            return;
        }
        try {
            int used = Integer.parseInt(usage.substring(0, usage.indexOf('/')).trim());
            drain(System.nanoTime());
            level = Math.max(level, used);
        } catch (RuntimeException ignored) {
            // an unreadable header leaves the estimate as it was
        }
    }

    @Override
    public synchronized void rejected() {
        drain(System.nanoTime());
        level = capacity;
    }

    private void drain(long now) {
        level = Math.max(0, level - (now - lastDrain) * leakPerNano);
        lastDrain = now;
    }
}
