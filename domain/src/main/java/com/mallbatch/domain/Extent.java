package com.mallbatch.domain;

/**
 * How much of an order a flag covers: Cafe24 reports {@code paid} and {@code canceled} as T (all), F (none) or M (some
 * lines: a partial payment or cancellation), and an order with some lines cancelled is still a live order.
 */
public enum Extent {
    NONE, PARTIAL, ALL;

    /** ALL when every one of {@code total} parts is covered, NONE when none is, PARTIAL in between. */
    public static Extent of(long covered, long total) {
        return covered == 0 ? NONE : covered >= total ? ALL : PARTIAL;
    }
}
