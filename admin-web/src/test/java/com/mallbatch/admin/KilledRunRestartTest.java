package com.mallbatch.admin;

import com.mallbatch.jobs.collect.GroundTruth;
import com.mallbatch.jobs.collect.ExpectedRows;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief's restart bar: the application, run as a child JVM exactly as ops would run it, is killed with SIGKILL in
 * the middle of collecting; running the same command again restarts the same job instance and the database ends
 * exactly as the ground truth says — nothing duplicated, nothing missing.
 */
class KilledRunRestartTest {

    @Test
    void aCollectKilledMidRunAndRunAgainEndsIdenticalToTheGroundTruth() throws Exception {
        // 2,500 products per mall at Cafe24's real 2 calls/s budget: long enough to be killed mid-way.
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(2_500, 3, 60, 10).withRate(40, 2),
                "killed")) {
            Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
            List<String> command = ChildApp.command(world, accounts, "--spring.batch.job.name=collectJob",
                    "businessDate=" + BUSINESS_DATE);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(world.schema.jdbcUrl(),
                    world.schema.user(), world.schema.password()));

            Process first = ChildApp.start(command, "killed-run-1.log");
            ChildApp.awaitCount(jdbc, "SELECT COUNT(*) FROM variants", 1_000, first);
            assertThat(first.isAlive()).as("still collecting when killed").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback handshake
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("STARTED");

            Process second = ChildApp.start(command, "killed-run-2.log");
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("rerun finished").isTrue();
            assertThat(second.exitValue()).as("exit code of the rerun; its log ends:%n%s", ChildApp.logTail("killed-run-2.log"))
                    .isZero();

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                    .containsExactly("FAILED", "COMPLETED");
            // The partitions the kill interrupted resumed at their last commit: they read less than their malls hold.
            List<java.util.Map<String, Object>> resumed = jdbc.queryForList("SELECT STEP_NAME, READ_COUNT FROM "
                    + "BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = 2 AND STEP_NAME LIKE 'collectVariantsAndStock:%'");
            assertThat(resumed).isNotEmpty();
            long read = 0;
            long held = 0;
            for (java.util.Map<String, Object> step : resumed) {
                String mallId = ((String) step.get("STEP_NAME")).substring("collectVariantsAndStock:acme/CAFE24/".length());
                read += ((Number) step.get("READ_COUNT")).longValue();
                held += jdbc.queryForObject("SELECT COUNT(*) FROM variants v JOIN mall_accounts a ON a.id = v.account_id "
                        + "WHERE a.account_key = ?", Long.class, mallId);
            }
            assertThat(read).as("variants read after the restart by the resumed partitions").isLessThan(held);
            for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
                long id = jdbc.queryForObject("SELECT id FROM mall_accounts WHERE account_key = ?", Long.class, mall.mallId());
                GroundTruth.assertMall(jdbc, mall, id, BUSINESS_DATE);
                ExpectedRows expected = new ExpectedRows(id, mall.groundTruth());
                LocalDate from = BUSINESS_DATE.minusDays(GroundTruth.LOOKBACK);
                assertThat(jdbc.queryForList("SELECT CONCAT(entity, ' ', read_count, '/', write_count) FROM collect_stats "
                        + "WHERE account_id = ? ORDER BY entity", String.class, id))
                        .as("the whole account-day counted, the killed run's committed part included")
                        .containsExactly("category " + expected.categories().size() + "/" + expected.categories().size(),
                                "category product " + expected.categoryMemberships().size() + "/" + expected.categoryMemberships().size(),
                                "order " + expected.orders(from, BUSINESS_DATE).size() + "/" + expected.orders(from, BUSINESS_DATE).size(),
                                "product " + expected.products().size() + "/" + expected.products().size(),
                                "variant " + expected.variants().size() + "/" + expected.variants().size());
            }
        }
    }
}
