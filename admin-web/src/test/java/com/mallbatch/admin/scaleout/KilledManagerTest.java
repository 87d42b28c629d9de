package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager SIGKILLed mid-run: the workers carry on with what they hold (and what is queued) without it. Running
 * the same manager command again waits for the partitions still running on live workers, then recovers the dead
 * execution and restarts it: nothing that completed is run again (spring-batch#5158's empty aggregation on restart
 * must not turn into a failure or a rerun), and the run ends at the exact ground truth with exit code 0.
 */
class KilledManagerTest {

    @Test
    void aRerunAfterTheManagerWasKilledWaitsForLiveWorkRedoesNothingCompletedAndEndsExact() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(6).withSize(1_000, 3, 40, 10)
                .withRate(40, 2), "so_killm");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "killm")) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);
            Child first = cluster.startManager("manager-1");

            // four partitions running (two queued behind them), each with committed products
            cluster.await(Duration.ofMinutes(2), () -> runningWithProducts(cluster) >= 4, "4 partitions mid-way",
                    w1, w2, first);
            cluster.kill(first);
            long deadRun = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(deadRun)).isEqualTo("STARTED");

            Child second = cluster.startManager("manager-2");
            assertThat(cluster.exitCode(second, Duration.ofMinutes(3)))
                    .as("the rerun's exit code; the manager's log ends:%n%s%n%s", second.tail(), cluster.otherTails(second))
                    .isZero();
            assertThat(second.lines("waiting for them to end before restarting"))
                    .as("the rerun waited for the partitions running on live workers").isNotEmpty();
            assertThat(second.lines("0 account(s) collected in this run, 0 failed; 6 completed in an earlier run"))
                    .as("the rerun's outcome counts the accounts its (empty, spring-batch#5158) aggregation left out")
                    .hasSize(1);

            List<Long> executions = cluster.jobExecutions();
            assertThat(executions).hasSize(2);
            long rerun = executions.get(1);
            assertThat(cluster.jobStatus(deadRun)).isEqualTo("FAILED");
            assertThat(cluster.jobStatus(rerun)).isEqualTo("COMPLETED");
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            // every account ran exactly once, and none of them again in the rerun
            assertThat(cluster.partitions(deadRun)).hasSize(6).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.partitions(rerun)).as("partitions run again by the rerun").isEmpty();
            assertThat(cluster.jdbc.queryForList("SELECT CONCAT(partition_name, ' ', outcome) FROM "
                    + "collect_partition_claims ORDER BY partition_name", String.class))
                    .as("claims").hasSize(6).allSatisfy(claim -> assertThat(claim).endsWith(" COMPLETED"));
            cluster.assertOneClaimPerPartition(deadRun, rerun);
            cluster.assertGroundTruth();
            assertThat(w1.alive() && w2.alive()).as("workers still up").isTrue();
        }
    }

    private static int runningWithProducts(ScaleOutCluster cluster) {
        return cluster.jdbc.queryForObject("SELECT COUNT(*) FROM collect_partition_claims c JOIN mall_accounts a ON "
                + "c.partition_name = CONCAT('collectAccount:acme/CAFE24/', a.account_key) WHERE c.ended_at IS NULL AND "
                + "EXISTS (SELECT 1 FROM products p WHERE p.account_id = a.id)", Integer.class);
    }
}
