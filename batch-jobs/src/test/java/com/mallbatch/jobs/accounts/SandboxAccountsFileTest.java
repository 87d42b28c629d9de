package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.collect.GroundTruth;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.readers.crawl.SiteProfiles;
import com.mallbatch.sandbox.SandboxAccountsFile;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.sandbox.sellercenter.SellerCenterFlavour;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts file the sandbox writes ({@code --accounts-file}), imported as is by the application at startup:
 * every mall and seller center becomes an account with the right platform, profile and base URL, and its credentials
 * work, for a collect now and, after the sandbox restarted (new URLs, refresh tokens issued afresh), for a collect
 * by an application restarted on the sandbox's new file.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = "spring.batch.job.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxAccountsFileTest {

    /** Two Cafe24 malls and one seller center of every flavour. */
    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(2).withSize(40, 3, 10, 8)
            .withSellerCenters(1, 1, 10_000).withLineSellerCenters(1), "sandbox_accounts");
    static final Path dir = tempDir();
    static final Path file = write(world.sandbox, dir.resolve("sandbox-accounts.yml"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
        registry.add("mallbatch.accounts-file", file::toString);
    }

    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    CredentialStore credentials;
    @Autowired
    SiteProfiles siteProfiles;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void tearDown() throws IOException {
        world.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    void theAppImportsEveryMallAndSellerCenterAtStartupWithItsPlatformProfileBaseUrlAndCredentials() {
        SandboxServer sandbox = world.sandbox;
        assertThat(AccountsFile.read(file)).as("the file as the importer parses it")
                .hasSize(sandbox.cafe24().malls().size() + sandbox.sellerCenters().centers().size());
        assertThat(sandbox.sellerCenters().centers()).extracting(SellerCenter::flavour)
                .as("the sandbox plays every flavour here").containsExactlyInAnyOrder(
                        Arrays.stream(SellerCenterFlavour.values()).map(SellerCenterFlavour::id).toArray(String[]::new));

        Map<String, MallAccount> imported = accounts.enabled().stream()
                .collect(Collectors.toMap(MallAccount::accountKey, Function.identity()));
        List<String> expectedKeys = new ArrayList<>();
        RateBudget sandboxBudget = new RateBudget(sandbox.config().bucketCapacity(), sandbox.config().leakPerSecond());
        for (Cafe24Mall mall : sandbox.cafe24().malls()) {
            expectedKeys.add(mall.mallId());
            MallAccount account = imported.get(mall.mallId());
            assertThat(account).as(mall.mallId()).isNotNull();
            assertThat(account).isEqualTo(new MallAccount(account.id(), SandboxAccountsFile.DEFAULT_TENANT_KEY,
                    Platform.CAFE24, mall.mallId(), sandbox.cafe24BaseUrl(mall.mallId()), sandboxBudget, null, true));
            MallCredentials stored = credentials.load(account.id());
            assertThat(List.of(stored.clientId(), stored.clientSecret(), stored.refreshToken())).as(mall.mallId())
                    .containsExactly(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken());
        }
        for (SellerCenter center : sandbox.sellerCenters().centers()) {
            expectedKeys.add(center.id());
            MallAccount account = imported.get(center.id());
            assertThat(account).as(center.id()).isNotNull();
            assertThat(account.tenantKey()).isEqualTo(SandboxAccountsFile.DEFAULT_TENANT_KEY);
            assertThat(account.platform()).isEqualTo(Platform.CRAWL);
            assertThat(account.baseUrl()).isEqualTo(sandbox.sellerCenterBaseUrl(center.id()));
            assertThat(account.crawlProfile()).as("the profile that reads a '%s' center", center.flavour())
                    .isEqualTo(SellerCenterFlavour.of(center.flavour()).crawlProfile());
            MallCredentials stored = credentials.load(account.id());
            assertThat(List.of(stored.clientId(), stored.clientSecret())).as(center.id())
                    .containsExactly(center.username(), center.password());
        }
        assertThat(imported.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);

        for (SellerCenterFlavour flavour : SellerCenterFlavour.values()) {
            assertThat(siteProfiles.get(flavour.crawlProfile()).name()).as("bundled profile for '%s'", flavour.id())
                    .isEqualTo(flavour.crawlProfile());
        }
    }

    @Test
    @Order(2)
    void theCredentialsWorkAndAfterASandboxRestartTheRestartedAppTakesTheNewFilesTokens() throws Exception {
        assertThat(collect(jobOperator, collectJob, "first").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryAccountEqualsItsGroundTruth(world.sandbox, jdbc, accounts);
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            assertThat(mall.refreshCount()).as("%s was reached with the file's refresh token", mall.mallId()).isPositive();
        }
        for (SellerCenter center : world.sandbox.sellerCenters().centers()) {
            assertThat(center.logins()).as("%s was logged in with the file's password", center.id()).isPositive();
        }

        // The sandbox restarts: other URLs, and the same initial refresh tokens as before, which the app has rotated
        // away. Its new file says so (reauthorizedAt), and the restarted app takes them again.
        try (SandboxServer restarted = SandboxServer.start(world.sandbox.config(), 0)) {
            assertThat(SandboxAccountsFile.reauthorizedAt(restarted)).isNotEqualTo(SandboxAccountsFile.reauthorizedAt(world.sandbox));
            Path newFile = write(restarted, dir.resolve("sandbox-accounts-restarted.yml"));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestJobsApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + world.schema.jdbcUrl(),
                            "spring.datasource.username=" + world.schema.user(),
                            "spring.datasource.password=" + world.schema.password(),
                            "mallbatch.secret-key=" + world.secretKey,
                            "mallbatch.accounts-file=" + newFile,
                            "spring.batch.job.enabled=false")
                    .run()) {
                JdbcMallAccounts reimported = app.getBean(JdbcMallAccounts.class);
                CredentialStore store = app.getBean(CredentialStore.class);
                for (Cafe24Mall mall : restarted.cafe24().malls()) {
                    MallAccount account = account(reimported, mall.mallId());
                    assertThat(account.baseUrl()).isEqualTo(restarted.cafe24BaseUrl(mall.mallId()));
                    assertThat(store.load(account.id()).refreshToken()).as("%s: the re-authorized token", mall.mallId())
                            .isEqualTo(mall.currentRefreshToken());
                }
                assertThat(collect(app.getBean(JobOperator.class), app.getBean("collectJob", Job.class), "after-restart")
                        .getStatus()).isEqualTo(BatchStatus.COMPLETED);
                assertEveryAccountEqualsItsGroundTruth(restarted, app.getBean(JdbcTemplate.class), reimported);
                for (Cafe24Mall mall : restarted.cafe24().malls()) {
                    assertThat(mall.refreshCount()).as("%s after the restart", mall.mallId()).isPositive();
                }
            }
        }
    }

    private static void assertEveryAccountEqualsItsGroundTruth(SandboxServer sandbox, JdbcTemplate jdbc,
                                                               JdbcMallAccounts accounts) {
        for (Cafe24Mall mall : sandbox.cafe24().malls()) {
            GroundTruth.assertMall(jdbc, mall, account(accounts, mall.mallId()).id(), BUSINESS_DATE);
        }
        for (SellerCenter center : sandbox.sellerCenters().centers()) {
            GroundTruth.assertCenter(jdbc, center, account(accounts, center.id()).id(), BUSINESS_DATE);
        }
    }

    private static MallAccount account(JdbcMallAccounts accounts, String key) {
        return accounts.enabled().stream().filter(a -> a.accountKey().equals(key)).findFirst().orElseThrow();
    }

    private static JobExecution collect(JobOperator operator, Job job, String tag) throws Exception {
        return operator.start(job, new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                .addString("test.run", tag).toJobParameters());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sandbox-accounts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(SandboxServer sandbox, Path file) {
        try {
            return SandboxAccountsFile.write(sandbox, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
