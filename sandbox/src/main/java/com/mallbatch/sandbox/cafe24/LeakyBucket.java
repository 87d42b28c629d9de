package com.mallbatch.sandbox.cafe24;

/** Cafe24's call limiter: each call adds one to the bucket, which drains at a fixed rate; a full bucket rejects. */
final class LeakyBucket {

    private final int capacity;
    private final double leakPerNano;
    private double level;
    private long lastNanos = System.nanoTime();

    LeakyBucket(int capacity, double leakPerSecond) {
        this.capacity = capacity;
        this.leakPerNano = leakPerSecond / 1e9;
    }

    /** Adds a call if it fits; returns the level after it (as X-Api-Call-Limit reports), or -1 when full. */
    synchronized int tryAdd() {
        drain();
        if (level + 1 > capacity) {
            return -1;
        }
        level += 1;
        return (int) Math.ceil(level);
    }

    synchronized int level() {
        drain();
        return (int) Math.ceil(level);
    }

    int capacity() {
        return capacity;
    }

    private void drain() {
        long now = System.nanoTime();
        level = Math.max(0, level - (now - lastNanos) * leakPerNano);
        lastNanos = now;
    }
}
