package com.mallbatch.admin;

import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * reconcileJob killed with SIGKILL while its accounts wait on the malls' daily sales reports: the same command run
 * again recovers the dead execution and resumes each account at the check it was in — the checks it had committed
 * are not run again, and nothing is recorded twice.
 */
class KilledReconcileRestartTest {

    @Test
    void aReconcileKilledMidCheckResumesAtThatCheck() throws Exception {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(2).withSize(30, 2, 10, 8)
                .withSellerCenters(0, 0, 1000).withLineSellerCenters(0), "killedrec")) {
            Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(world.schema.jdbcUrl(),
                    world.schema.user(), world.schema.password()));
            Process collect = ChildApp.start(ChildApp.command(world, accounts, "--spring.batch.job.name=collectJob",
                    "businessDate=" + BUSINESS_DATE), "killed-reconcile-collect.log");
            assertThat(collect.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(collect.exitValue()).as("the collect; its log ends:%n%s",
                    ChildApp.logTail("killed-reconcile-collect.log")).isZero();

            List<String> reconcile = ChildApp.command(world, accounts, "--spring.batch.job.name=reconcileJob",
                    "businessDate=" + BUSINESS_DATE);
            world.sandbox.faults().stalls(1.0, 600_000); // every mall answer hangs: the report check waits
            Process first = ChildApp.start(reconcile, "killed-reconcile-1.log");
            ChildApp.awaitCount(jdbc, "SELECT COUNT(DISTINCT account_id) FROM reconcile_results "
                    + "WHERE check_name = 'stock_vs_master'", 2, first);
            assertThat(first.isAlive()).as("still reconciling when killed").isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String reconcileStatus = "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                    + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'reconcileJob' ORDER BY e.JOB_EXECUTION_ID";
            assertThat(jdbc.queryForList(reconcileStatus, String.class)).containsExactly("STARTED");
            int resultsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_results WHERE check_name IN "
                    + "('freshness', 'stock_vs_master')", Integer.class);

            world.sandbox.faults().clear();
            Process second = ChildApp.start(reconcile, "killed-reconcile-2.log");
            assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("rerun finished").isTrue();
            assertThat(second.exitValue()).as("exit code of the rerun; its log ends:%n%s",
                    ChildApp.logTail("killed-reconcile-2.log")).isZero();

            assertThat(jdbc.queryForList(reconcileStatus, String.class)).containsExactly("FAILED", "COMPLETED");
            assertThat(jdbc.queryForList("SELECT s.READ_COUNT FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME LIKE "
                    + "'reconcileAccount:%' AND s.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_STEP_EXECUTION)",
                    Long.class)).as("each account goes on at the check it was killed in: 4 of its 6 checks left")
                    .containsExactly(4L, 4L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_results WHERE check_name IN "
                    + "('freshness', 'stock_vs_master')", Integer.class)).as("nothing committed is recorded again")
                    .isEqualTo(resultsBefore);
            assertThat(jdbc.queryForList("SELECT verdict FROM reconcile_results WHERE check_name = 'orders_vs_mall_totals' "
                    + "AND subject = 'CAFE24_DAILYSALES'", String.class)).containsExactly("PASS", "PASS");
        }
    }
}
