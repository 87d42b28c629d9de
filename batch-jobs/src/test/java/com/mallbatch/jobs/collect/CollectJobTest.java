package com.mallbatch.jobs.collect;

import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * collectJob end to end: real HTTP against three sandbox Cafe24 malls, real MariaDB, compared field by field with the
 * sandbox's ground truth.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        // generous retries with short waits: the faults test injects 5xx, 429 bursts and truncated bodies at once
        "mallbatch.collect.max-retries=12",
        "mallbatch.collect.initial-backoff=10ms",
        "mallbatch.collect.max-backoff=200ms",
        "mallbatch.collect.read-timeout=2s"})
class CollectJobTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig(), "collect");
    static final int LOOKBACK = 7;
    private static int runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    CredentialStore credentials;
    @Autowired
    JdbcTemplate jdbc;

    Map<String, Long> accountIds;

    @BeforeEach
    void cleanSlate() {
        world.resetCollectedData(jdbc);
        accountIds = world.registerAccounts(accounts);
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void collectsThreeMallsExactlyAsTheGroundTruthAndARerunChangesNothing() throws Exception {
        assertThat(run(BUSINESS_DATE, "first").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEqualsGroundTruth(BUSINESS_DATE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_records", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM collect_stats", Integer.class)).isEqualTo(3 * 4);

        List<String> before = snapshot();
        assertThat(run(BUSINESS_DATE, "again").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void faultsOnTheWireStillEndInTheGroundTruth() throws Exception {
        world.sandbox.faults().serverErrorRate(0.10).bursts429(0.05, 4).malformedJsonRate(0.05)
                .stalls(0.05, 2_500); // longer than the 2 s read timeout: the stalled call is abandoned and retried
        world.sandbox.cafe24().expireAccessTokens();
        int refreshesBefore = totalRefreshes();

        assertThat(run(BUSINESS_DATE, "faults").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertEqualsGroundTruth(BUSINESS_DATE);
        assertThat(totalRefreshes()).as("each mall refreshed its expired token").isGreaterThanOrEqualTo(refreshesBefore + 3);
    }

    @Test
    void malformedRecordsAreSkippedWithAReadableReasonAndTheRestLoads() throws Exception {
        world.sandbox.faults().malformedRecordEvery(25);

        assertThat(run(BUSINESS_DATE, "malformed").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertEqualsGroundTruth(BUSINESS_DATE);
        int expectedSkips = 0;
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            ExpectedRows expected = new ExpectedRows(accountIds.get(mall.mallId()), mall.groundTruth());
            expectedSkips += expected.malformedProducts().size()
                    + expected.malformedOrders(BUSINESS_DATE.minusDays(LOOKBACK), BUSINESS_DATE).size();
            for (String productNo : expected.malformedProducts()) {
                String reason = jdbc.queryForObject("SELECT CONCAT(entity, ' @ ', source, ' : ', reason) FROM skipped_records "
                        + "WHERE account_id = ? AND entity = 'product' AND record_key = ?", String.class,
                        accountIds.get(mall.mallId()), productNo);
                assertThat(reason).contains("/cafe24/" + mall.mallId() + "/api/v2/admin/products")
                        .contains("field 'price'").contains("12,9OO원");
            }
        }
        assertThat(expectedSkips).isGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_records", Integer.class)).isEqualTo(expectedSkips);
        assertThat(jdbc.queryForList("SELECT reason FROM skipped_records WHERE entity = 'order'", String.class))
                .allSatisfy(reason -> assertThat(reason).contains("field 'order_date'").contains("2026-13-45"));
    }

    @Test
    void aFailedRunRestartsWithTheSameParametersAndRedoesOnlyWhatFailed() throws Exception {
        world.sandbox.faults().outage("/api/v2/admin/orders");
        JobExecution failed = run(BUSINESS_DATE.minusDays(1), null);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("collectOrders.worker"))
                .hasSize(3).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED));

        world.sandbox.faults().clear();
        JobExecution restarted = run(BUSINESS_DATE.minusDays(1), null);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .as("completed partitions are not run again").noneMatch(n -> n.startsWith("collectProducts.worker"))
                .filteredOn(n -> n.startsWith("collectOrders.worker")).hasSize(3);
        assertEqualsGroundTruth(BUSINESS_DATE.minusDays(1));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theRotatedRefreshTokenIsStoredEncryptedAndUsedByTheNextRun(CapturedOutput output) throws Exception {
        assertThat(run(BUSINESS_DATE, "tokens-1").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long id = accountIds.get(mall.mallId());
            MallCredentials stored = credentials.load(id);
            assertThat(stored.refreshToken()).isEqualTo(mall.currentRefreshToken()).doesNotStartWith("rt-");
            byte[] sealed = jdbc.queryForObject("SELECT credentials_enc FROM mall_accounts WHERE id = ?", byte[].class, id);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                    .doesNotContain(stored.refreshToken()).doesNotContain(mall.clientSecret());
        }
        world.sandbox.cafe24().expireAccessTokens(); // forces the next run to spend the stored refresh token
        int refreshes = totalRefreshes();

        assertThat(run(BUSINESS_DATE, "tokens-2").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(totalRefreshes()).isEqualTo(refreshes + 3);
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            MallCredentials stored = credentials.load(accountIds.get(mall.mallId()));
            assertThat(output.getAll()).as("no secret in the log").isNotEmpty().doesNotContain(mall.clientSecret())
                    .doesNotContain(stored.refreshToken()).doesNotContain(stored.accessToken());
        }
    }

    private JobExecution run(LocalDate businessDate, String tag) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("businessDate", businessDate.toString());
        if (tag != null) {
            parameters.addString("test.run", tag + "-" + (runs++));
        }
        return jobOperator.start(collectJob, parameters.toJobParameters());
    }

    private void assertEqualsGroundTruth(LocalDate businessDate) {
        LocalDate from = businessDate.minusDays(LOOKBACK);
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long accountId = accountIds.get(mall.mallId());
            ExpectedRows expected = new ExpectedRows(accountId, mall.groundTruth());
            DatabaseRows actual = new DatabaseRows(jdbc, accountId);
            assertThat(actual.categories()).as("categories of %s", mall.mallId()).isEqualTo(expected.categories());
            assertThat(actual.products()).as("products of %s", mall.mallId()).isEqualTo(expected.products());
            assertThat(actual.variants()).as("variants of %s", mall.mallId()).isEqualTo(expected.variants());
            assertThat(actual.stock(businessDate)).as("stock of %s", mall.mallId()).isEqualTo(expected.stock(businessDate));
            assertThat(actual.orders()).as("orders of %s", mall.mallId()).isEqualTo(expected.orders(from, businessDate));
            assertThat(actual.orderLines()).as("order lines of %s", mall.mallId())
                    .isEqualTo(expected.orderLines(from, businessDate));
        }
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (long id : accountIds.values()) {
            DatabaseRows db = new DatabaseRows(jdbc, id);
            rows.addAll(db.categories());
            rows.addAll(db.products());
            rows.addAll(db.variants());
            rows.addAll(db.stock(BUSINESS_DATE));
            rows.addAll(db.orders());
            rows.addAll(db.orderLines());
        }
        return rows;
    }

    private static int totalRefreshes() {
        return world.sandbox.cafe24().malls().stream().mapToInt(Cafe24Mall::refreshCount).sum();
    }
}
