package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.readers.MallExtractors;
import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.readers.api.CallBudget;
import com.mallbatch.readers.api.TokenBucketBudget;
import com.mallbatch.readers.ratelimit.SharedRateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SmartStore adapter (Naver Commerce API). Naver limits calls per application and per API, so each API has one
 * budget per application (its client id), shared by every account and thread that reads through that application
 * and fed by the gateway's {@code GNCP-GW-RateLimit-*} headers; each account has one token holder. Where several
 * processes read through one application, a configured application rate also holds across all of them
 * ({@link SharedRateLimits}).
 */
public final class SmartStoreExtractors implements MallExtractors {

    /** The APIs the adapter calls, each under a rate limit of its own. */
    enum Api { SEARCH, ORIGIN_PRODUCT, CHANGES, ORDER_IDS, QUERY, SETTLEMENT }

    static final TokenBucketBudget.Headers RATE_HEADERS = new TokenBucketBudget.Headers(
            "GNCP-GW-RateLimit-Replenish-Rate", "GNCP-GW-RateLimit-Burst-Capacity", "GNCP-GW-RateLimit-Remaining");

    private final CredentialStore credentials;
    private static final double SHARED_RATE_MARGIN = 0.95;

    private final SmartStoreSettings settings;
    private final SharedRateLimits shared;
    private final MeterRegistry meters;
    private final Clock clock;
    private final FetchFailureLog failures;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final SmartStoreDialect dialect = new SmartStoreDialect(json);
    private final Map<String, CallBudget> applicationBudgets = new ConcurrentHashMap<>();
    private final Map<Long, SmartStoreTokens> tokens = new ConcurrentHashMap<>();
    private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

    public SmartStoreExtractors(CredentialStore credentials, SmartStoreSettings settings, MeterRegistry meters, Clock clock) {
        this(credentials, settings, meters, clock, null);
    }

    /** @param shared where budgets that span processes are kept; null: this process only */
    public SmartStoreExtractors(CredentialStore credentials, SmartStoreSettings settings, MeterRegistry meters, Clock clock,
                                SharedRateLimits shared) {
        this(credentials, settings, meters, clock, shared, failure -> { }); // outside a run: no failure page to fill
    }

    /** @param failures where each failed call is written down, for the run's failure page */
    public SmartStoreExtractors(CredentialStore credentials, SmartStoreSettings settings, MeterRegistry meters, Clock clock,
                                SharedRateLimits shared, FetchFailureLog failures) {
        this.failures = failures;
        this.shared = shared;
        this.credentials = credentials;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public Platform platform() {
        return Platform.SMARTSTORE;
    }

    @Override
    public ItemStreamReader<Category> categories(MallAccount account) {
        return new SmartStoreCategoryReader(client(account, Api.SEARCH), account.id());
    }

    @Override
    public ItemStreamReader<CategoryMembership> categoryMemberships(MallAccount account) {
        long accountId = account.id();
        return new SmartStoreSearchReader<>("smartstore.categoryMemberships", client(account, Api.SEARCH), (product, source) -> {
            String leaf = SmartStoreMapper.leafCategory(product);
            return leaf == null ? null : new CategoryMembership(accountId, leaf, product.path("originProductNo").asString());
        });
    }

    @Override
    public ItemStreamReader<Product> products(MallAccount account) {
        long accountId = account.id();
        return new SmartStoreSearchReader<>("smartstore.products", client(account, Api.SEARCH),
                (product, source) -> SmartStoreMapper.product(accountId, product, source));
    }

    @Override
    public ItemStreamReader<VariantStock> variantsAndStock(MallAccount account, LocalDate businessDate) {
        return new SmartStoreVariantStockReader(client(account, Api.SEARCH), client(account, Api.ORIGIN_PRODUCT),
                account.id(), businessDate);
    }

    @Override
    public ItemStreamReader<Order> orders(MallAccount account, LocalDate from, LocalDate businessDate) {
        return new SmartStoreOrderReader(client(account, Api.CHANGES), client(account, Api.ORDER_IDS),
                client(account, Api.QUERY), account.id(), from, businessDate, settings.orderWindow());
    }

    /** Naver lists a product order at its last change only: a period's orders are followed up to {@code asOf}. */
    @Override
    public ItemStreamReader<Order> periodOrders(MallAccount account, LocalDate from, LocalDate to, LocalDate asOf) {
        return orders(account, from, asOf);
    }

    @Override
    public boolean reportsDailySettlements() {
        return true;
    }

    @Override
    public ItemStreamReader<DailySettlement> dailySettlements(MallAccount account, LocalDate from, LocalDate to) {
        return new SmartStoreSettlementReader(client(account, Api.SETTLEMENT), account.id(), from, to);
    }

    /**
     * One API's budget for one application: learnt from the gateway's headers, and, with a configured application
     * rate and a shared store, also drawn from one bucket every process of this installation takes from.
     */
    private CallBudget applicationBudget(String application, Api api) {
        CallBudget learnt = new TokenBucketBudget(settings.guessedRatePerSecond(), settings.guessedRatePerSecond(),
                RATE_HEADERS);
        double rate = settings.applicationRatePerSecond();
        if (shared == null || rate <= 0) {
            return learnt;
        }
        long burst = settings.applicationBurst() > 0 ? settings.applicationBurst() : Math.max(1, Math.round(rate));
        // calls reach the gateway later than they leave, each by its own delay: a call under the burst and 5% under
        // the rate keep that jitter from drawing a 429
        // this process's own wait first, so a token taken from the shared budget is spent at once
        return CallBudget.all(List.of(learnt, shared.budget("smartstore:" + application + ":" + api,
                Math.max(1, burst - 1), rate * SHARED_RATE_MARGIN)));
    }

    private ApiClient client(MallAccount account, Api api) {
        return clients.computeIfAbsent(account.id() + "/" + api, key -> {
            String baseUrl = baseUrl(account);
            String application = credentials.load(account.id()).clientId();
            CallBudget budget = applicationBudgets.computeIfAbsent(application + "/" + api,
                    k -> applicationBudget(application, api));
            return new ApiClient(account, baseUrl, dialect, settings.api(), http, budget, tokens(account, baseUrl), json,
                    meters, failures);
        });
    }

    private SmartStoreTokens tokens(MallAccount account, String baseUrl) {
        return tokens.computeIfAbsent(account.id(), id -> new SmartStoreTokens(account, baseUrl, credentials, http, json,
                settings, clock));
    }

    /** The account's own API root (the sandbox, an agency's /partner root), or Naver's. */
    private String baseUrl(MallAccount account) {
        String url = account.baseUrl() != null && !account.baseUrl().isBlank() ? account.baseUrl() : settings.baseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
