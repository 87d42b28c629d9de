package com.mallbatch.bench;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.crawl.CrawlExtractors;
import com.mallbatch.readers.crawl.CrawlPages;
import com.mallbatch.readers.crawl.SiteProfiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Crawls every product page of a sandbox seller center with politeness off, twice: through the project's HtmlUnit
 * engine (the stylemarket profile), and with OkHttp and a plain HTML parser. Prints pages/s and peak heap of each.
 */
final class CrawlBench {

    record Result(String method, int pages, int variants, Duration wall, long peakHeapMb) {
        double pagesPerSecond() {
            return pages / (wall.toMillis() / 1000.0);
        }
    }

    private CrawlBench() {
    }

    static List<Result> run(int products) throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("--malls=0", "--html-centers=1", "--next-centers=0",
                "--products=" + products, "--variants=4", "--orders=1", "--days=0", "--session-requests=100000000"))) {
            JsonNode center = sandbox.malls.path("sellerCenters").get(0);
            String base = center.path("base_url").asString();
            String username = center.path("username").asString();
            String password = center.path("password").asString();
            return List.of(htmlUnit(base, username, password), plain(base, username, password));
        }
    }

    private static Result htmlUnit(String base, String username, String password) throws Exception {
        String impolite = bundledProfile().replace("requestsPerMinute: 6000", "requestsPerMinute: 0");
        SiteProfiles profiles = new SiteProfiles(name -> Optional.of(impolite), null);
        CredentialStore login = new CredentialStore() {
            @Override
            public MallCredentials load(long accountId) {
                return new MallCredentials(username, password, null, null, null);
            }

            @Override
            public void save(long accountId, MallCredentials credentials) {
                throw new UnsupportedOperationException("a crawl rotates no tokens");
            }
        };
        CrawlExtractors crawl = new CrawlExtractors(profiles, login, failure -> { }, totals -> { }, Duration.ofSeconds(30));
        MallAccount account = new MallAccount(1, "bench", Platform.CRAWL, "stylemarket01", base,
                RateBudget.CAFE24_DEFAULT, "stylemarket", true);
        HeapMeter.reset();
        long started = System.nanoTime();
        ItemStreamReader<VariantStock> reader = crawl.variantsAndStock(account, LocalDate.now());
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        int variants = 0;
        while (reader.read() != null) {
            variants++;
        }
        reader.update(context);
        reader.close();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        return new Result("HtmlUnit 5.5 (the engine, JS and CSS off, no history)", (int) context.getLong(CrawlPages.OK),
                variants, wall, HeapMeter.peakMb());
    }

    private static Result plain(String base, String username, String password) throws Exception {
        HeapMeter.reset();
        long started = System.nanoTime();
        PlainHttpCrawl.Result result = new PlainHttpCrawl().crawl(base, username, password);
        return new Result("OkHttp + neko HTML parser + XPath (no browser engine)", result.pages(), result.variants(),
                Duration.ofNanos(System.nanoTime() - started), HeapMeter.peakMb());
    }

    private static String bundledProfile() throws Exception {
        try (InputStream in = CrawlBench.class.getClassLoader().getResourceAsStream("crawl-profiles/stylemarket.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
