package com.mallbatch.domain;

/**
 * A mall's leaky-bucket call budget: {@code capacity} calls may queue, {@code leakPerSecond} drain each second.
 * Cafe24 documents 40 and 2.
 */
public record RateBudget(int capacity, double leakPerSecond) {

    public static final RateBudget CAFE24_DEFAULT = new RateBudget(40, 2.0);

    public RateBudget {
        if (capacity < 1 || leakPerSecond <= 0) {
            throw new IllegalArgumentException("rate budget needs capacity >= 1 and leakPerSecond > 0, got "
                    + capacity + " and " + leakPerSecond);
        }
    }
}
