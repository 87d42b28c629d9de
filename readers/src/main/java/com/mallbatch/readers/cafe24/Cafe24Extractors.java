package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.readers.MallExtractors;
import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.readers.api.LeakyBucketBudget;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Cafe24 adapter. One HTTP client for all malls; per mall one throttle (shared by every step and partition
 * that reads it, so the mall's budget holds across threads) and one token holder, which the daily sales report's
 * client shares with the collect's.
 */
public final class Cafe24Extractors implements MallExtractors {

    private final CredentialStore credentials;
    private final Cafe24Settings settings;
    private final MeterRegistry meters;
    private final OkHttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<Long, Mall> malls = new ConcurrentHashMap<>();
    private final Cafe24Dialect dialect;
    private final Cafe24Dialect reportDialect;
    private final Clock clock;
    private final FetchFailureLog failures;

    /** One mall's throttle and tokens, and the clients that share them. */
    private record Mall(ApiClient collect, ApiClient report) {
    }

    public Cafe24Extractors(CredentialStore credentials, Cafe24Settings settings, MeterRegistry meters) {
        this(credentials, settings, meters, Clock.systemUTC());
    }

    /** @param clock tells whether a day's sales report is due yet ({@link Cafe24Settings#reportReadyAt()}) */
    public Cafe24Extractors(CredentialStore credentials, Cafe24Settings settings, MeterRegistry meters, Clock clock) {
        this(credentials, settings, meters, clock, failure -> { }); // outside a run: no failure page to fill
    }

    /** @param failures where each failed call is written down, for the run's failure page */
    public Cafe24Extractors(CredentialStore credentials, Cafe24Settings settings, MeterRegistry meters, Clock clock,
                            FetchFailureLog failures) {
        this.failures = failures;
        this.credentials = credentials;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.dialect = new Cafe24Dialect(settings.apiVersion(), json);
        this.reportDialect = dialect.withForbiddenHint(Cafe24SalesReport.FORBIDDEN_HINT);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.api().connectTimeout())
                .readTimeout(settings.api().readTimeout())
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public Platform platform() {
        return Platform.CAFE24;
    }

    @Override
    public ItemStreamReader<Category> categories(MallAccount account) {
        return new Cafe24CategoryReader(client(account), account.id());
    }

    @Override
    public ItemStreamReader<CategoryMembership> categoryMemberships(MallAccount account) {
        return new Cafe24CategoryProductReader(client(account), account.id());
    }

    @Override
    public ItemStreamReader<Product> products(MallAccount account) {
        return new Cafe24ProductReader(client(account), account.id());
    }

    @Override
    public ItemStreamReader<VariantStock> variantsAndStock(MallAccount account, LocalDate businessDate) {
        return new Cafe24VariantStockReader(client(account), account.id(), businessDate);
    }

    @Override
    public ItemStreamReader<Order> orders(MallAccount account, LocalDate from, LocalDate businessDate) {
        return new Cafe24OrderReader(client(account), account.id(), from, businessDate, settings.statusDateTypes());
    }

    /**
     * The mall's sales report of {@code day}: its paid orders placed that day, counted (sales_count) and summed after
     * cancellations and returns (payment_amount − refund_amount), as {@code CAFE24_DAILYSALES}.
     *
     * @throws com.mallbatch.domain.ReportNotReadyException before {@code day + 1} at
     *         {@code mallbatch.cafe24.report-ready-at}, or when Cafe24's answer leaves the day out
     * @throws com.mallbatch.readers.MallApiException when Cafe24 refuses (403: the app lacks mall.read_salesreport,
     *         said in one line naming the account) or keeps failing
     */
    @Override
    public Optional<DailyTotals> salesReport(MallAccount account, LocalDate day) {
        return Optional.of(new Cafe24SalesReport(mall(account).report(), account, settings.reportReadyAt(), clock).read(day));
    }

    private ApiClient client(MallAccount account) {
        return mall(account).collect();
    }

    private Mall mall(MallAccount account) {
        return malls.computeIfAbsent(account.id(), id -> {
            String baseUrl = baseUrl(account);
            LeakyBucketBudget budget = new LeakyBucketBudget(account.rateBudget(), settings.maxCallsPerSecond(), "X-Api-Call-Limit");
            Cafe24Tokens tokens = new Cafe24Tokens(account, baseUrl, credentials, http, json);
            return new Mall(new ApiClient(account, baseUrl, dialect, settings.api(), http, budget, tokens, json, meters,
                    failures), new ApiClient(account, baseUrl, reportDialect, settings.api(), http, budget, tokens, json,
                    meters, failures));
        });
    }

    /** The account's override, or the mall's own API host. */
    static String baseUrl(MallAccount account) {
        String url = account.baseUrl() != null && !account.baseUrl().isBlank() ? account.baseUrl()
                : "https://" + account.accountKey() + ".cafe24api.com";
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
