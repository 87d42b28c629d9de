package com.mallbatch.sandbox;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the sandbox plays: how many malls, how big, from which seed, and the platform limits it enforces.
 * The same config always produces the same data.
 *
 * @param seed                  drives every generated value
 * @param cafe24Malls           number of Cafe24 malls
 * @param productsPerMall       products in each mall and seller center
 * @param maxVariantsPerProduct 1..36 variants per product
 * @param ordersPerDay          average orders a mall receives per day
 * @param historyDays           days of order history before {@code today}
 * @param today                 the sandbox's "today" (Asia/Seoul)
 * @param accessTokenTtlSeconds lifetime of a Cafe24 access token (Cafe24: 2 hours)
 * @param bucketCapacity        Cafe24 leaky bucket size (Cafe24: 40)
 * @param leakPerSecond         Cafe24 bucket drain rate (Cafe24: 2 per second)
 * @param htmlSellerCenters     crawl-only seller centers that render HTML tables ({@code stylemarket01} …)
 * @param nextSellerCenters     crawl-only seller centers that ship SSR JSON in __NEXT_DATA__ ({@code nextshop01} …)
 * @param lineSellerCenters     crawl-only seller centers that list orders one row per order line ({@code easyseller01} …)
 * @param sessionMaxRequests    requests a seller-center login session serves before it expires
 * @param smartStoreSellers     Naver SmartStore sellers ({@code smartstore01} …) served by the Commerce API
 * @param smartStoreSellersPerApp how many consecutive SmartStore sellers one Commerce API application serves: 1 gives
 *                              every seller an own-store application of its own (tokens of {@code type=SELF}); more
 *                              makes a solution provider's application serving several sellers (tokens of
 *                              {@code type=SELLER} with {@code account_id}), whose rate limits all of them share
 * @param smartStoreRatePerSecond the Commerce API gateway's token bucket per API and application: this many calls
 *                              per second, bursts up to twice as many (Naver publishes no numbers; a sandbox choice)
 */
public record SandboxConfig(long seed, int cafe24Malls, int productsPerMall, int maxVariantsPerProduct,
                            int ordersPerDay, int historyDays, LocalDate today, long accessTokenTtlSeconds,
                            int bucketCapacity, double leakPerSecond, int htmlSellerCenters, int nextSellerCenters,
                            int lineSellerCenters, int sessionMaxRequests, int smartStoreSellers,
                            int smartStoreSellersPerApp, int smartStoreRatePerSecond) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public SandboxConfig {
        if (maxVariantsPerProduct < 1 || maxVariantsPerProduct > 36) {
            throw new IllegalArgumentException("maxVariantsPerProduct must be 1..36");
        }
        if (smartStoreSellers < 0 || smartStoreSellers > 99) {
            throw new IllegalArgumentException("smartStoreSellers must be 0..99");
        }
        if (smartStoreSellersPerApp < 1) {
            throw new IllegalArgumentException("smartStoreSellersPerApp must be at least 1");
        }
        if (smartStoreRatePerSecond < 1) {
            throw new IllegalArgumentException("smartStoreRatePerSecond must be at least 1");
        }
    }

    /**
     * A small, fast world for demos and tests. It plays no SmartStore seller, so the tests written against Cafe24 and
     * the seller centers keep their exact counts; add sellers with {@link #withSmartStoreSellers} (the demo adds one).
     */
    public static SandboxConfig small() {
        return new SandboxConfig(42, 3, 150, 4, 40, 10, LocalDate.now(SEOUL), 7200, 40, 2.0, 2, 1, 1, 10_000, 0, 1, 10);
    }

    public SandboxConfig withSeed(long v) {
        return new SandboxConfig(v, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withMalls(int v) {
        return new SandboxConfig(seed, v, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withSize(int products, int maxVariants, int orders, int days) {
        return new SandboxConfig(seed, cafe24Malls, products, maxVariants, orders, days, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withToday(LocalDate v) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, v, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withAccessTokenTtlSeconds(long v) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, v, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withRate(int capacity, double leak) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, capacity, leak, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withSellerCenters(int html, int next, int maxRequestsPerSession) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, html, next, lineSellerCenters, maxRequestsPerSession, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    public SandboxConfig withLineSellerCenters(int v) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, v, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    /** {@code n} SmartStore sellers, {@code smartstore01} … (0..99). */
    public SandboxConfig withSmartStoreSellers(int n) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, n, smartStoreSellersPerApp, smartStoreRatePerSecond);
    }

    /** Groups of {@code k} SmartStore sellers share one solution provider's application (1: own-store apps). */
    public SandboxConfig withSmartStoreSellersPerApplication(int k) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, k, smartStoreRatePerSecond);
    }

    /** The Commerce API gateway's replenish rate per API and application (burst capacity is twice that). */
    public SandboxConfig withSmartStoreRate(int callsPerSecond) {
        return new SandboxConfig(seed, cafe24Malls, productsPerMall, maxVariantsPerProduct, ordersPerDay, historyDays, today, accessTokenTtlSeconds, bucketCapacity, leakPerSecond, htmlSellerCenters, nextSellerCenters, lineSellerCenters, sessionMaxRequests, smartStoreSellers, smartStoreSellersPerApp, callsPerSecond);
    }
}
