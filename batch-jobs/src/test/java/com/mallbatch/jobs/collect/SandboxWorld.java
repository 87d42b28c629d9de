package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.accounts.AccountsFile;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** A sandbox of Cafe24 malls and a throwaway schema, wired into a test's Spring properties. */
public final class SandboxWorld implements AutoCloseable {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    public static final LocalDate BUSINESS_DATE = TODAY.minusDays(1);

    public final SandboxServer sandbox;
    public final ThrowawaySchema schema;
    public final String secretKey = CredentialCipher.newKey();

    public SandboxWorld(SandboxConfig config, String schemaPrefix) {
        try {
            this.sandbox = SandboxServer.start(config.withToday(TODAY), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = ThrowawaySchema.create(schemaPrefix);
    }

    /**
     * Three malls with a generous call budget: job tests are about what is loaded, not about pacing (the client's
     * throttle has tests and a bench of its own at Cafe24's real 40 / 2 per second).
     */
    public static SandboxConfig smallConfig() {
        return SandboxConfig.small().withMalls(3).withToday(TODAY).withRate(400, 40);
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", schema::jdbcUrl);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", schema::password);
        registry.add("mallbatch.secret-key", () -> secretKey);
    }

    /**
     * As {@link #register}, but the application connects as a user with only the grants the README documents
     * ({@code db/grants/application-user.sql}) while Flyway migrates as the schema's owner.
     */
    public void registerAsApplicationUser(DynamicPropertyRegistry registry) {
        ThrowawaySchema.User app = schema.createUser(applicationUserGrants());
        registry.add("spring.datasource.url", schema::jdbcUrl);
        registry.add("spring.datasource.username", app::name);
        registry.add("spring.datasource.password", app::password);
        registry.add("spring.flyway.user", schema::user);
        registry.add("spring.flyway.password", schema::password);
        registry.add("mallbatch.secret-key", () -> secretKey);
    }

    /** A connection as the schema's owner, who may do what the application user may not. */
    public org.springframework.jdbc.core.JdbcTemplate ownerJdbc() {
        return new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                schema.jdbcUrl(), schema.user(), schema.password(), true));
    }

    private static String applicationUserGrants() {
        try (var in = SandboxWorld.class.getResourceAsStream("/db/grants/application-user.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties what a collect writes (accounts and Batch metadata stay) and clears the sandbox's faults. */
    public void resetCollectedData(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        sandbox.faults().clear();
        for (String table : List.of("categories", "products", "product_categories", "variants", "stock_levels", "orders",
                "order_lines", "skipped_records", "collect_stats", "fetch_failures", "crawl_stats", "mall_daily_totals")) {
            jdbc.execute("DELETE FROM " + table);
        }
    }

    /** Registers every sandbox mall as an account of tenant "acme"; returns account ids by mall id. */
    public Map<String, Long> registerAccounts(JdbcMallAccounts accounts) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JdbcMallAccounts.Registration registration : registrations()) {
            ids.put(registration.accountKey(), accounts.register(registration));
        }
        return ids;
    }

    /** Registers the named seller centers as crawled accounts of tenant "acme" using {@code profile}. */
    public Map<String, Long> registerSellerCenters(JdbcMallAccounts accounts, String profile, String... centerIds) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String id : centerIds) {
            SellerCenter center = sandbox.sellerCenters().center(id);
            ids.put(id, accounts.register(new JdbcMallAccounts.Registration("acme", "에이크미 상사", Platform.CRAWL, id,
                    sandbox.sellerCenterBaseUrl(id), RateBudget.CAFE24_DEFAULT, profile, true,
                    new MallCredentials(center.username(), center.password(), null, null, null))));
        }
        return ids;
    }

    /**
     * Registers every SmartStore seller the sandbox plays as an account of tenant "acme" (a seller on a shared
     * application is read on its behalf: its seller account id); returns account ids by seller id.
     */
    public Map<String, Long> registerSmartStoreSellers(JdbcMallAccounts accounts) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (var seller : sandbox.smartStore().sellers()) {
            String onBehalfOf = seller.tokenType().equals("SELLER") ? seller.sellerId() : null;
            ids.put(seller.sellerId(), accounts.register(new JdbcMallAccounts.Registration("acme", "에이크미 상사",
                    Platform.SMARTSTORE, seller.sellerId(), sandbox.smartStoreBaseUrl(seller.sellerId()),
                    RateBudget.CAFE24_DEFAULT, null, true,
                    new MallCredentials(seller.clientId(), seller.clientSecret(), onBehalfOf, null, null))));
        }
        return ids;
    }

    /** The sandbox malls as an accounts file, in the format the README documents. */
    public Path writeAccountsFile(Path file) throws IOException {
        return AccountsFile.write(file, registrations());
    }

    private List<JdbcMallAccounts.Registration> registrations() {
        RateBudget budget = new RateBudget(sandbox.config().bucketCapacity(), sandbox.config().leakPerSecond());
        return sandbox.cafe24().malls().stream().map(mall -> new JdbcMallAccounts.Registration("acme", "에이크미 상사",
                Platform.CAFE24, mall.mallId(), sandbox.cafe24BaseUrl(mall.mallId()), budget, null,
                true, new MallCredentials(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken(), null, null)))
                .toList();
    }

    @Override
    public void close() {
        sandbox.close();
        schema.close();
    }
}
