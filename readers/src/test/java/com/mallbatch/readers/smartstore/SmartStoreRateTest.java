package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.VariantStock;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sellers of one solution application read at once: Naver limits each API per application, so they share one
 * token bucket per API, whose replenish rate and burst the adapter learns from the {@code GNCP-GW-RateLimit-*} headers
 * (it starts from a guess of 2 calls a second). Spending that budget well means close to the allowed rate, and no
 * 429 at all.
 */
class SmartStoreRateTest {

    static final int RATE = 10;
    static final int PRODUCTS = 30;
    static final String ORIGIN_PRODUCT_API = "GET /v2/products/origin-products/{originProductNo}";

    SmartStoreSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SmartStoreSandbox.start(SmartStoreSandbox.config().withSmartStoreSellers(2)
                .withSmartStoreSellersPerApplication(2).withSmartStoreRate(RATE).withSize(PRODUCTS, 3, 5, 2));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sellersOfOneApplicationTogetherUseAtLeastNinetyPercentOfItsRateWithoutA429() throws Exception {
        List<SmartStoreSeller> sellers = sandbox.server.smartStore().sellers();
        assertThat(sellers).extracting(SmartStoreSeller::clientId).as("one application").containsOnly(sellers.get(0).clientId());
        SmartStoreExtractors extractors = sandbox.extractors(SmartStoreSandbox.settings());
        ExecutorService threads = Executors.newFixedThreadPool(sellers.size());
        List<Future<List<VariantStock>>> reads;
        long started = System.nanoTime();
        try {
            reads = sellers.stream().map(seller -> threads.submit(() -> {
                ItemStreamReader<VariantStock> reader = extractors.variantsAndStock(sandbox.account(seller.sellerId()),
                        SmartStoreSandbox.TODAY);
                return SmartStoreSandbox.readAll(reader, new ExecutionContext());
            })).toList();
            for (Future<List<VariantStock>> read : reads) {
                assertThat(read.get()).isNotEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(sandbox.rejected429()).as("429s the gateway answered").isZero();
        Counter adapter429 = sandbox.meters.find("mallbatch.api.calls").tag("outcome", "429").counter();
        assertThat(adapter429 == null ? 0 : adapter429.count()).as("429s the adapter counted").isZero();
        long calls = sellers.stream().mapToLong(s -> s.callsByApi().getOrDefault(ORIGIN_PRODUCT_API, 0L)).sum();
        assertThat(calls).as("one origin-product call per product").isEqualTo((long) PRODUCTS * sellers.size());
        assertThat(sandbox.meters.get("mallbatch.api.calls").tag("outcome", "200").counter().count())
                .as("the adapter counts its calls by outcome").isGreaterThanOrEqualTo(calls);
        assertThat(seconds).as("long enough to measure a rate").isGreaterThanOrEqualTo(5.0);
        assertThat(calls / seconds).as("origin-product calls a second, of the %d allowed", RATE)
                .isGreaterThanOrEqualTo(0.9 * RATE);
    }
}
