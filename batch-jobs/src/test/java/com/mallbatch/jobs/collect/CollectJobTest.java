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
        "mallbatch.cafe24.max-retries=12",
        "mallbatch.cafe24.initial-backoff=10ms",
        "mallbatch.cafe24.max-backoff=200ms",
        "mallbatch.cafe24.read-timeout=2s"})
class CollectJobTest {

    /** 45 days of history: orders older than the look-back window whose status changes on the business date. */
    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(150, 4, 40, 45), "collect");
    static final int LOOKBACK = GroundTruth.LOOKBACK;
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM collect_stats", Integer.class)).isEqualTo(3 * 5);
        assertThat(jdbc.queryForList("SELECT o.order_id FROM orders o WHERE o.canceled = 'PARTIAL' "
                + "AND EXISTS (SELECT 1 FROM order_lines l WHERE l.account_id = o.account_id AND l.order_id = o.order_id "
                + "AND l.status = 'CANCELLED') AND EXISTS (SELECT 1 FROM order_lines l WHERE l.account_id = o.account_id "
                + "AND l.order_id = o.order_id AND l.status <> 'CANCELLED')", String.class))
                .as("partly cancelled orders keep their live lines, each line with its own state").isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE ordered_at < ?", Integer.class,
                BUSINESS_DATE.minusDays(LOOKBACK))).as("older orders whose status changed on the business date").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_lines WHERE payment_amount IS NULL", Integer.class))
                .as("sandbox03 does not auto-calculate item payment amounts; they stay empty, not guessed").isPositive();

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
    void malformedProductsAreSkippedWithAReadableReasonButAMalformedOrderFailsItsAccount() throws Exception {
        world.sandbox.faults().malformedRecordEvery(25);

        JobExecution execution = run(BUSINESS_DATE, "malformed");

        assertThat(execution.getStatus()).as("an order that cannot be read is never dropped quietly")
                .isEqualTo(BatchStatus.FAILED);
        int expectedProductSkips = 0;
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long accountId = accountIds.get(mall.mallId());
            ExpectedRows expected = new ExpectedRows(accountId, mall.groundTruth());
            assertThat(new DatabaseRows(jdbc, accountId).products()).isEqualTo(expected.products());
            expectedProductSkips += expected.malformedProducts().size();
            for (String productNo : expected.malformedProducts()) {
                String reason = jdbc.queryForObject("SELECT CONCAT(entity, ' @ ', source, ' : ', reason) FROM skipped_records "
                        + "WHERE account_id = ? AND entity = 'product' AND record_key = ?", String.class, accountId, productNo);
                assertThat(reason).contains("/cafe24/" + mall.mallId() + "/api/v2/admin/products")
                        .contains("field 'price'").contains("12,9OO원");
            }
        }
        assertThat(expectedProductSkips).isGreaterThan(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_records", Integer.class)).isEqualTo(expectedProductSkips);
        assertThat(execution.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("collectOrders:"))
                .hasSize(3).allSatisfy(step -> {
                    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
                    assertThat(step.getExitStatus().getExitDescription()).contains("field 'order_date'")
                            .contains("2026-13-45").contains("mallbatch.collect.order-skip-limit");
                });
    }

    @Test
    void anOrderPlacedFortyDaysBeforeTheBusinessDateAndReturnedOnItIsUpdated() throws Exception {
        Cafe24Mall mall = world.sandbox.cafe24().mall("sandbox01");
        Map<String, Object> item = deliveredItemPlacedOn(mall, BUSINESS_DATE.minusDays(40));
        String orderId = (String) item.get("order_id");
        String itemCode = (String) item.get("order_item_code");
        assertThat(run(BUSINESS_DATE.minusDays(37), "before-return").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lineStatus(orderId, itemCode)).isEqualTo(item.get("order_status") + "|DELIVERED");

        mall.returnItem(itemCode, BUSINESS_DATE.atTime(10, 0), BUSINESS_DATE.atTime(16, 30));
        assertThat(run(BUSINESS_DATE, "after-return").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(lineStatus(orderId, itemCode)).as("read through the return date types, not the 7-day look-back")
                .isEqualTo("R40|RETURNED");
        ExpectedRows expected = new ExpectedRows(accountIds.get("sandbox01"), mall.groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, accountIds.get("sandbox01"));
        assertThat(actual.orders()).as("the order's current amounts").containsAll(expected
                .orders(BUSINESS_DATE, BUSINESS_DATE).stream().filter(row -> row.contains("|" + orderId + "|")).toList());
        assertThat(actual.orderLines()).containsAll(expected.orderLines(BUSINESS_DATE, BUSINESS_DATE).stream()
                .filter(row -> row.contains("|" + orderId + "|")).toList()).isNotEmpty();
    }

    /** An item of an order placed on {@code day} (or soon after) that was delivered and has no claim. */
    private static Map<String, Object> deliveredItemPlacedOn(Cafe24Mall mall, LocalDate day) {
        for (Map<String, Object> order : ExpectedRows.children(mall.groundTruth(), "orders")) {
            LocalDate placed = java.time.OffsetDateTime.parse((String) order.get("order_date")).toLocalDate();
            if (placed.isBefore(day) || placed.isAfter(day.plusDays(3))) {
                continue;
            }
            for (Map<String, Object> item : ExpectedRows.children(order, "items")) {
                if ("N40".equals(item.get("order_status"))) {
                    Map<String, Object> found = new java.util.HashMap<>(item);
                    found.put("order_id", order.get("order_id"));
                    return found;
                }
            }
        }
        throw new AssertionError("no delivered, unclaimed item in an order placed around " + day);
    }

    private String lineStatus(String orderId, String lineId) {
        return jdbc.queryForObject("SELECT CONCAT(platform_status, '|', status) FROM order_lines WHERE account_id = ? "
                + "AND order_id = ? AND line_id = ?", String.class, accountIds.get("sandbox01"), orderId, lineId);
    }

    @Test
    void aFailedRunRestartsWithTheSameParametersAndRedoesOnlyWhatFailed() throws Exception {
        world.sandbox.faults().outage("/api/v2/admin/orders");
        JobExecution failed = run(BUSINESS_DATE.minusDays(1), null);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("collectOrders:"))
                .hasSize(3).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED));

        world.sandbox.faults().clear();
        JobExecution restarted = run(BUSINESS_DATE.minusDays(1), null);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .as("completed partitions are not run again").noneMatch(n -> n.startsWith("collectProducts:"))
                .filteredOn(n -> n.startsWith("collectOrders:")).hasSize(3);
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
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            GroundTruth.assertMall(jdbc, mall, accountIds.get(mall.mallId()), businessDate);
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
