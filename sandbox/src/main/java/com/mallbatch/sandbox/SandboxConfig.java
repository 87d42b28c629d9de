package com.mallbatch.sandbox;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the sandbox plays: how many malls, how big, from which seed, and the platform limits it enforces.
 * The same config always produces the same data.
 *
 * @param seed                  drives every generated value
 * @param cafe24Malls           number of Cafe24 malls
 * @param productsPerMall       products in each mall
 * @param maxVariantsPerProduct 1..36 variants per product
 * @param ordersPerDay          average orders a mall receives per day
 * @param historyDays           days of order history before {@code today}
 * @param today                 the sandbox's "today" (Asia/Seoul)
 * @param accessTokenTtlSeconds lifetime of an access token (Cafe24: 2 hours)
 * @param bucketCapacity        leaky bucket size (Cafe24: 40)
 * @param leakPerSecond         bucket drain rate (Cafe24: 2 per second)
 */
public record SandboxConfig(long seed, int cafe24Malls, int productsPerMall, int maxVariantsPerProduct,
                            int ordersPerDay, int historyDays, LocalDate today, long accessTokenTtlSeconds,
                            int bucketCapacity, double leakPerSecond) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public SandboxConfig {
        if (maxVariantsPerProduct < 1 || maxVariantsPerProduct > 36) {
            throw new IllegalArgumentException("maxVariantsPerProduct must be 1..36");
        }
    }

    /** A small, fast world for demos and tests. */
    public static SandboxConfig small() {
        return new SandboxConfig(42, 3, 150, 4, 40, 10, LocalDate.now(SEOUL), 7200, 40, 2.0);
    }

    public SandboxConfig withSeed(long v) {
        return new SandboxConfig(v, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond);
    }

    public SandboxConfig withMalls(int v) {
        return new SandboxConfig(seed, v, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond);
    }

    public SandboxConfig withSize(int products, int maxVariants, int orders, int days) {
        return new SandboxConfig(seed, cafe24Malls, products, maxVariants, orders, days, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond);
    }

    public SandboxConfig withToday(LocalDate v) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, v, accessTokenTtlSeconds, bucketCapacity, leakPerSecond);
    }

    public SandboxConfig withAccessTokenTtlSeconds(long v) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, v, bucketCapacity, leakPerSecond);
    }

    public SandboxConfig withRate(int capacity, double leak) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, capacity, leak);
    }
}
