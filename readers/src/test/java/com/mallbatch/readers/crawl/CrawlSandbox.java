package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's seller centers over real HTTP (one stylemarket, one nextshop, one easyseller, on a fixed day) and the
 * crawl adapter built over them with the bundled profiles, each center an account of its own.
 */
final class CrawlSandbox implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final LocalDate BUSINESS_DATE = TODAY.minusDays(1);

    final SandboxServer server;
    final CrawlExtractors extractors;
    final List<FetchFailureLog.Failure> failures = new ArrayList<>();

    CrawlSandbox() throws IOException {
        server = SandboxServer.start(SandboxConfig.small().withToday(TODAY).withMalls(0).withSize(50, 4, 20, 3)
                .withSellerCenters(1, 1, 10_000).withLineSellerCenters(1), 0);
        CredentialStore credentials = new CredentialStore() {
            @Override
            public MallCredentials load(long accountId) {
                SellerCenter center = server.sellerCenters().centers().get((int) accountId - 1);
                return new MallCredentials(center.username(), center.password(), null, null, null);
            }

            @Override
            public void save(long accountId, MallCredentials saved) {
            }
        };
        extractors = new CrawlExtractors(new SiteProfiles(name -> Optional.empty(), null), credentials,
                failure -> {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }, totals -> {
                }, Duration.ofSeconds(5));
    }

    SellerCenter center(String id) {
        return server.sellerCenters().center(id);
    }

    /** The account crawling center {@code id} with the profile bundled for it; ids count the centers from 1. */
    MallAccount account(String id) {
        List<SellerCenter> centers = server.sellerCenters().centers();
        SellerCenter center = center(id);
        return new MallAccount(centers.indexOf(center) + 1, "acme", Platform.CRAWL, id, server.sellerCenterBaseUrl(id),
                RateBudget.CAFE24_DEFAULT, center.crawlProfile(), true);
    }

    /** What one run of a step's reader hands out, malformed records passed over as the step skips them. */
    record Run<T>(List<T> items, List<MalformedRecordException> skipped, ExecutionContext context) {
    }

    /** Reads {@code reader} to its end in a fresh context, saving the context after every item as a step would. */
    static <T> Run<T> readAll(ItemStreamReader<T> reader) {
        return readFrom(reader, new ExecutionContext(), Integer.MAX_VALUE);
    }

    /** Reads at most {@code limit} items (skipped ones included) from where {@code context} says, then closes. */
    static <T> Run<T> readFrom(ItemStreamReader<T> reader, ExecutionContext context, int limit) {
        List<T> items = new ArrayList<>();
        List<MalformedRecordException> skipped = new ArrayList<>();
        reader.open(context);
        try {
            for (int n = 0; n < limit; n++) {
                try {
                    T item = reader.read();
                    if (item == null) {
                        break;
                    }
                    items.add(item);
                } catch (MalformedRecordException e) {
                    skipped.add(e);
                }
                reader.update(context);
            }
            reader.update(context);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            reader.close();
        }
        return new Run<>(items, skipped, context);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> children(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    @Override
    public void close() {
        server.close();
    }
}
