package com.mallbatch.jobs.scaleout;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.smartstore.SmartStoreExtractors;
import com.mallbatch.readers.smartstore.SmartStoreSettings;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two collect workers, each with its own adapter and its own connection to Redis, read two sellers of one SmartStore
 * application at once. Naver limits each API per application, so the configured application rate is one budget in
 * Redis both draw on: together they stay within it (no 429) and still use at least 90% of it.
 */
class SharedApplicationBudgetTest {

    static final int RATE = 10;
    static final int PRODUCTS = 40;
    static final String ORIGIN_PRODUCT_API = "GET /v2/products/origin-products/{originProductNo}";
    static final String REDIS = "redis://127.0.0.1:6379";

    @Test
    void twoWorkersReadingSellersOfOneApplicationShareItsRateThroughRedis() throws Exception {
        SandboxConfig config = SandboxConfig.small().withToday(LocalDate.of(2026, 3, 16)).withMalls(0)
                .withSellerCenters(0, 0, 10_000).withLineSellerCenters(0).withSmartStoreSellers(2)
                .withSmartStoreSellersPerApplication(2).withSmartStoreRate(RATE).withSize(PRODUCTS, 3, 5, 2);
        try (SandboxServer sandbox = SandboxServer.start(config, 0)) {
            List<SmartStoreSeller> sellers = sandbox.smartStore().sellers();
            String application = sellers.get(0).clientId();
            assertThat(sellers).extracting(SmartStoreSeller::clientId).as("one application").containsOnly(application);
            String key = "mallbatch:budget:smartstore:" + application + ":ORIGIN_PRODUCT";
            redis(commands -> commands.del(key)); // no bucket left by an earlier run
            SmartStoreSettings settings = SmartStoreSettings.defaults()
                    .withRetries(8, Duration.ofMillis(20), Duration.ofMillis(500)).withApplicationRate(RATE, 2 * RATE);
            Credentials credentials = new Credentials();
            List<RedisRateLimits> workers = List.of(new RedisRateLimits(REDIS), new RedisRateLimits(REDIS));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            long started = System.nanoTime();
            try {
                List<Future<List<VariantStock>>> reads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    SmartStoreExtractors worker = new SmartStoreExtractors(credentials, settings, new SimpleMeterRegistry(),
                            Clock.systemUTC(), workers.get(i));
                    MallAccount account = credentials.account(sandbox, sellers.get(i), i + 1);
                    reads.add(threads.submit(() -> readAll(worker.variantsAndStock(account, LocalDate.of(2026, 3, 16)))));
                }
                for (Future<List<VariantStock>> read : reads) {
                    assertThat(read.get()).isNotEmpty();
                }
            } finally {
                threads.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(sellers.stream().mapToLong(SmartStoreSeller::rejected429).sum()).as("429s the gateway answered").isZero();
            long calls = sellers.stream().mapToLong(s -> s.callsByApi().getOrDefault(ORIGIN_PRODUCT_API, 0L)).sum();
            assertThat(calls).as("one origin-product call per product").isEqualTo(2L * PRODUCTS);
            assertThat(calls / seconds).as("origin-product calls a second, of the %d allowed", RATE)
                    .isGreaterThanOrEqualTo(0.9 * RATE);
            workers.forEach(RedisRateLimits::destroy);
            assertThat(redis(commands -> commands.exists(key))).as("the budget both workers drew on is kept in Redis")
                    .isEqualTo(1L);
        }
    }

    private static long redis(Function<RedisCommands<String, String>, Long> command) {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    private static List<VariantStock> readAll(ItemStreamReader<VariantStock> reader) throws Exception {
        reader.open(new ExecutionContext());
        List<VariantStock> items = new ArrayList<>();
        for (VariantStock item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        reader.close();
        return items;
    }

    /** The sellers as accounts, their credentials as the batch stores them. */
    private static final class Credentials implements CredentialStore {

        private final Map<Long, MallCredentials> stored = new ConcurrentHashMap<>();

        MallAccount account(SandboxServer sandbox, SmartStoreSeller seller, long id) {
            String onBehalfOf = seller.tokenType().equals("SELLER") ? seller.sellerId() : null;
            stored.put(id, new MallCredentials(seller.clientId(), seller.clientSecret(), onBehalfOf, null, null));
            return new MallAccount(id, "acme", Platform.SMARTSTORE, seller.sellerId(),
                    sandbox.smartStoreBaseUrl(seller.sellerId()), RateBudget.CAFE24_DEFAULT, null, true);
        }

        @Override
        public MallCredentials load(long accountId) {
            return stored.get(accountId);
        }

        @Override
        public void save(long accountId, MallCredentials credentials) {
            stored.put(accountId, credentials);
        }
    }
}
