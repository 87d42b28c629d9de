package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cafe24 adapter against the sandbox over real HTTP. */
class Cafe24ClientTest {

    /** Credentials kept in memory, counting saves. */
    static final class MemoryCredentials implements CredentialStore {
        final Map<Long, MallCredentials> stored = new ConcurrentHashMap<>();
        final List<String> savedRefreshTokens = new ArrayList<>();

        @Override
        public MallCredentials load(long accountId) {
            return stored.get(accountId);
        }

        @Override
        public synchronized void save(long accountId, MallCredentials credentials) {
            savedRefreshTokens.add(credentials.refreshToken());
            stored.put(accountId, credentials);
        }
    }

    SandboxServer sandbox;
    MemoryCredentials credentials = new MemoryCredentials();
    Cafe24Mall mall;

    @BeforeEach
    void start() throws Exception {
        // A small bucket (5, leaking 5 a second), so the budget binds within a short test.
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(1).withSize(2_000, 2, 10, 2).withRate(5, 5), 0);
        mall = sandbox.cafe24().mall("sandbox01");
        credentials.stored.put(1L, new MallCredentials(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken(), null, null));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Cafe24Extractors extractors(Cafe24Settings settings) {
        return new Cafe24Extractors(credentials, settings, new SimpleMeterRegistry());
    }

    private MallAccount account(RateBudget budget) {
        return new MallAccount(1, "acme", Platform.CAFE24, "sandbox01", sandbox.cafe24BaseUrl("sandbox01"), budget, null, true);
    }

    private static List<Product> readAll(ItemStreamReader<Product> reader) throws Exception {
        reader.open(new ExecutionContext());
        List<Product> products = new ArrayList<>();
        for (Product p = reader.read(); p != null; p = reader.read()) {
            products.add(p);
        }
        return products;
    }

    @Test
    void aCategoryListingThatFailuresShrankToAFullPageFailsInsteadOfLosingMemberships() {
        // each 503 halves the listing's limit: 13 of them bring 50,000 down to the floor of 10 products
        sandbox.faults().failNext("display_group", 13);
        ItemStreamReader<CategoryMembership> reader = extractors(Cafe24Settings.defaults().withMaxCallsPerSecond(1_000)
                .withRetries(20, Duration.ofMillis(1), Duration.ofMillis(5))).categoryMemberships(account(new RateBudget(5, 5)));
        reader.open(new ExecutionContext());

        assertThatThrownBy(() -> {
            while (reader.read() != null) {
                // a category answers in one call
            }
        }).isInstanceOf(MallApiException.class).hasMessageContaining("answered a full page of 10 products at limit 10")
                .hasMessageContaining("run again");
    }

    @Test
    void aCategoryListShrunkByFailuresStillYieldsEveryCategorysMemberships() throws Exception {
        Cafe24Settings settings = Cafe24Settings.defaults().withMaxCallsPerSecond(1_000)
                .withRetries(20, Duration.ofMillis(1), Duration.ofMillis(5));
        Set<String> expected = categoriesOf(readAllOf(extractors(settings).categoryMemberships(account(new RateBudget(5, 5)))));
        assertThat(expected).as("more categories than the smallest page a failure leaves").hasSizeGreaterThan(10);

        // the category list's first page fails four times: its limit halves from 100 to the floor of 10
        sandbox.faults().failNext("offset=0", 4);
        Set<String> read = categoriesOf(readAllOf(extractors(settings).categoryMemberships(account(new RateBudget(5, 5)))));

        assertThat(read).as("no category skipped after the shrunk first page").isEqualTo(expected);
    }

    private static <T> List<T> readAllOf(ItemStreamReader<T> reader) throws Exception {
        reader.open(new ExecutionContext());
        List<T> all = new ArrayList<>();
        for (T item = reader.read(); item != null; item = reader.read()) {
            all.add(item);
        }
        return all;
    }

    private static Set<String> categoriesOf(List<CategoryMembership> memberships) {
        return memberships.stream().map(CategoryMembership::categoryNo).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theThrottleSpendsTheMallsBudgetWithoutDrawingA429() throws Exception {
        List<Product> products = readAll(extractors(Cafe24Settings.defaults().withMaxCallsPerSecond(1_000))
                .products(account(new RateBudget(5, 5))));

        assertThat(products).hasSize(2_000);
        assertThat(mall.acceptedCalls()).isEqualTo(21); // 20 full pages and the empty one after them
        assertThat(mall.rejected429()).isZero();
    }

    @Test
    void withoutItsThrottleTheSameReadDrawsRejections() throws Exception {
        // The control for the test above: a client that believes in a far larger budget hits the mall's limit.
        List<Product> products = readAll(extractors(Cafe24Settings.defaults().withMaxCallsPerSecond(1_000)
                .withRetries(30, Duration.ofMillis(5), Duration.ofMillis(100))).products(account(new RateBudget(1_000, 1_000))));

        assertThat(products).hasSize(2_000);
        assertThat(mall.rejected429()).isPositive();
    }

    @Test
    void theRotatedRefreshTokenIsSavedBeforeItIsUsedAndAnExpiredTokenIsRenewed() throws Exception {
        String initial = mall.currentRefreshToken();
        ItemStreamReader<Product> reader = extractors(Cafe24Settings.defaults()).products(account(new RateBudget(5, 5)));
        reader.open(new ExecutionContext());
        reader.read();
        sandbox.cafe24().expireAccessTokens();
        for (int i = 0; i < 150; i++) {
            reader.read(); // crosses into the next page with an expired token
        }

        assertThat(credentials.savedRefreshTokens).hasSize(2).doesNotContain(initial)
                .last().isEqualTo(mall.currentRefreshToken());
    }

    @Test
    void aDeadRefreshTokenFailsWithAnActionableMessage() {
        credentials.stored.put(1L, new MallCredentials(mall.clientId(), mall.clientSecret(), "already-used", null, null));
        ItemStreamReader<Product> reader = extractors(Cafe24Settings.defaults()).products(account(new RateBudget(5, 5)));
        reader.open(new ExecutionContext());

        assertThatThrownBy(reader::read).isInstanceOf(MallApiException.class)
                .hasMessageContaining("acme/CAFE24/sandbox01").hasMessageContaining("invalid_grant")
                .hasMessageContaining("re-authorize");
    }

    @Test
    void aWrongClientSecretSaysSoAndLeavesTheRefreshTokenAlone() {
        String token = mall.currentRefreshToken();
        credentials.stored.put(1L, new MallCredentials(mall.clientId(), "not-the-secret", token, null, null));
        ItemStreamReader<Product> reader = extractors(Cafe24Settings.defaults()).products(account(new RateBudget(5, 5)));
        reader.open(new ExecutionContext());

        assertThatThrownBy(reader::read).isInstanceOf(MallApiException.class)
                .hasMessageContaining("acme/CAFE24/sandbox01").hasMessageContaining("invalid_client")
                .hasMessageContaining("client id or secret").hasMessageContaining("clientSecret in the accounts file")
                .hasMessageNotContaining("re-authorize");
        assertThat(mall.currentRefreshToken()).as("the mall did not spend the refresh token").isEqualTo(token);
        assertThat(credentials.savedRefreshTokens).isEmpty();
    }

    @Test
    void serverErrorsAndTruncatedBodiesAreRetriedUntilTheReadCompletes() throws Exception {
        sandbox.faults().serverErrorRate(0.2).malformedJsonRate(0.2);
        List<Product> products = readAll(extractors(Cafe24Settings.defaults().withRetries(20, Duration.ofMillis(5), Duration.ofMillis(100)))
                .products(account(new RateBudget(5, 5))));

        assertThat(products).extracting(Product::productNo).doesNotHaveDuplicates().hasSize(2_000);
    }

    @Test
    void aRequestTheMallRefusesFailsAtOnceNamingTheUrlAndTheMallsMessageAndIsWrittenDown() throws Exception {
        List<FetchFailureLog.Failure> failures = new ArrayList<>();
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        com.mallbatch.readers.api.ApiClient client = new com.mallbatch.readers.api.ApiClient(account(new RateBudget(5, 5)),
                sandbox.cafe24BaseUrl("sandbox01"), new Cafe24Dialect("2025-12-01", json), Cafe24Settings.defaults().api(),
                new okhttp3.OkHttpClient(), new com.mallbatch.readers.api.LeakyBucketBudget(new RateBudget(5, 5), 100,
                "X-Api-Call-Limit"), new Cafe24Tokens(account(new RateBudget(5, 5)), sandbox.cafe24BaseUrl("sandbox01"),
                credentials, new okhttp3.OkHttpClient(), json), json, new SimpleMeterRegistry(), failures::add);

        assertThatThrownBy(() -> client.get("/api/v2/admin/products", Map.of("limit", "500")))
                .isInstanceOf(MallApiException.class)
                .hasMessageContaining("/api/v2/admin/products?limit=500").hasMessageContaining("HTTP 422")
                .hasMessageContaining("limit must be between 1 and 100");
        assertThat(mall.acceptedCalls()).isEqualTo(1);
        assertThat(failures).as("one failed attempt, for the run's failure page").singleElement().satisfies(f -> {
            assertThat(f.url()).contains("/api/v2/admin/products?limit=500");
            assertThat(f.httpStatus()).isEqualTo(422);
            assertThat(f.attempt()).isEqualTo(1);
            assertThat(f.error()).contains("limit must be between 1 and 100");
            assertThat(f.stepExecutionId()).as("outside a step").isNull();
        });
    }
}
