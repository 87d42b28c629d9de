package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.DailyTotalsLog;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.readers.MallExtractors;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crawl adapter: every crawled account runs on the engine its site profile configures. Politeness is kept per
 * site (profile), so it holds across all accounts and partitions crawling that site at once.
 */
public final class CrawlExtractors implements MallExtractors {

    private final SiteProfiles profiles;
    private final CredentialStore credentials;
    private final FetchFailureLog failures;
    private final DailyTotalsLog dailyTotals;
    private final Duration timeout;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, SitePoliteness> politeness = new ConcurrentHashMap<>();

    public CrawlExtractors(SiteProfiles profiles, CredentialStore credentials, FetchFailureLog failures,
                           DailyTotalsLog dailyTotals, Duration timeout) {
        this.profiles = profiles;
        this.credentials = credentials;
        this.failures = failures;
        this.dailyTotals = dailyTotals;
        this.timeout = timeout;
    }

    @Override
    public Platform platform() {
        return Platform.CRAWL;
    }

    /** Seller centers expose no category tree; nothing to read. */
    @Override
    public ItemStreamReader<Category> categories(MallAccount account) {
        return nothing();
    }

    @Override
    public ItemStreamReader<CategoryMembership> categoryMemberships(MallAccount account) {
        return nothing();
    }

    private static <T> ItemStreamReader<T> nothing() {
        return new ItemStreamReader<>() {
            @Override
            public T read() {
                return null;
            }
        };
    }

    @Override
    public ItemStreamReader<Product> products(MallAccount account) {
        SiteProfile profile = profiles.get(account.crawlProfile());
        return new CrawlProductReader(profile, session(profile, account), account.id());
    }

    @Override
    public ItemStreamReader<VariantStock> variantsAndStock(MallAccount account, LocalDate businessDate) {
        SiteProfile profile = profiles.get(account.crawlProfile());
        return new CrawlVariantStockReader(profile, session(profile, account), account.id(), businessDate);
    }

    /** Seller centers list orders by order date only: the look-back window is what sees their later changes. */
    @Override
    public ItemStreamReader<Order> orders(MallAccount account, LocalDate from, LocalDate businessDate) {
        SiteProfile profile = profiles.get(account.crawlProfile());
        return new CrawlOrderReader(profile, session(profile, account), account.id(), from, businessDate, dailyTotals);
    }

    /**
     * Re-reads the products' pages now, in a session of its own: see {@link CrawlReread}. A broken site (layout
     * changed, blocked, still failing after the profile's retries) throws, as in a collect; a gone product is left out.
     */
    @Override
    public List<VariantStock> reread(MallAccount account, List<String> productNos, LocalDate businessDate) {
        if (productNos.isEmpty()) {
            return List.of();
        }
        SiteProfile profile = profiles.get(account.crawlProfile());
        try (CrawlSession session = session(profile, account)) {
            return new CrawlReread(profile, session, account.id()).variants(productNos, businessDate);
        }
    }

    private CrawlSession session(SiteProfile profile, MallAccount account) {
        return session(profile, account, failures);
    }

    /**
     * A session for trying a profile out: the account's login and the site's politeness as in a collect (a trial during
     * a collect stays within the site's manners), but its failed fetches are not recorded.
     */
    CrawlSession trialSession(SiteProfile profile, MallAccount account) {
        return session(profile, account, failure -> {
        });
    }

    private CrawlSession session(SiteProfile profile, MallAccount account, FetchFailureLog failureLog) {
        if (account.baseUrl() == null) {
            throw new IllegalArgumentException("Crawled account " + account.label() + " needs a baseUrl");
        }
        return new CrawlSession(profile, account, credentials.load(account.id()),
                politeness.computeIfAbsent(profile.name(), n -> new SitePoliteness(profile.politeness())), failureLog,
                json, (int) timeout.toMillis());
    }
}
