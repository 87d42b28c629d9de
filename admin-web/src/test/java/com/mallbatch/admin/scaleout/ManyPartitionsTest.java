package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spring-batch#4006: with a polling manager and more than about a hundred partitions, some partitions were left
 * STARTING for ever (workers that took requests off the broker into an in-memory queue lost them). Two hundred small
 * accounts in one run: every partition is claimed once, runs, and completes; no step execution is left STARTING or
 * STARTED; every account is exact.
 */
class ManyPartitionsTest {

    private static final int ACCOUNTS = 200;
    private static final String FAST_CALLS = "--mallbatch.cafe24.max-calls-per-second=200";

    @Test
    void twoHundredAccountsInOneRunAllCompleteAndNoneIsLeftStarting() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(ACCOUNTS).withSize(4, 1, 2, 8),
                "so_many");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "many")) {
            // tiny accounts: their calls need not be spaced as a real mall's (10 a second), or 200 of them take minutes
            Child w1 = cluster.startWorker("w1", 6, FAST_CALLS);
            Child w2 = cluster.startWorker("w2", 6, FAST_CALLS);
            cluster.awaitWorkers(12, w1, w2);

            Child manager = cluster.startManager("manager");
            assertThat(cluster.exitCode(manager, Duration.ofMinutes(4)))
                    .as("manager's exit code; its log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();

            long execution = cluster.jobExecutions().get(0);
            assertThat(cluster.jobExecutions()).hasSize(1);
            assertThat(cluster.jobStatus(execution)).isEqualTo("COMPLETED");
            Map<String, String> partitions = cluster.partitions(execution);
            assertThat(partitions).hasSize(ACCOUNTS).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.stepsLeftRunning()).as("step executions left STARTING/STARTED").isEmpty();
            assertThat(cluster.queued()).as("requests left in the queue").isZero();
            cluster.assertOneClaimPerPartition(execution);
            assertThat(cluster.jdbc.queryForList("SELECT worker FROM collect_partition_claims GROUP BY worker",
                    String.class)).as("workers that ran partitions").hasSize(2);
            cluster.assertGroundTruth();
        }
    }
}
