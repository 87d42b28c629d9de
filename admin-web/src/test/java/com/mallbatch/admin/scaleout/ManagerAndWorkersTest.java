package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's first bar: a manager and two worker processes, over the machine's RabbitMQ and MariaDB, collect six
 * sandbox accounts to the exact ground truth, and the work really was spread: both workers claimed and ran partitions.
 */
class ManagerAndWorkersTest {

    @Test
    void aManagerAndTwoWorkersCollectSixAccountsExactlyAndBothWorkersRunPartitions() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(6), "so_pair");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "pair")) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);

            Child manager = cluster.startManager("manager");
            assertThat(cluster.exitCode(manager, Duration.ofMinutes(3)))
                    .as("manager's exit code; its log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();

            assertThat(cluster.jobExecutions()).hasSize(1);
            long execution = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(execution)).isEqualTo("COMPLETED");
            assertThat(cluster.partitions(execution)).hasSize(6).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            cluster.assertOneClaimPerPartition(execution);
            cluster.assertGroundTruth();

            String first = cluster.workerNameOf(w1);
            String second = cluster.workerNameOf(w2);
            assertThat(cluster.jdbc.queryForList("SELECT DISTINCT worker FROM collect_partition_claims ORDER BY worker",
                    String.class)).as("workers that claimed partitions").containsExactlyInAnyOrder(first, second);
            assertThat(cluster.jdbc.queryForList("SELECT DISTINCT worker FROM collect_stats ORDER BY worker",
                    String.class)).as("collect_stats.worker: who ran the stages").containsExactlyInAnyOrder(first, second);
            // each account's stages all ran on the worker that claimed its partition
            List<String> split = cluster.jdbc.queryForList("SELECT CONCAT(a.account_key, ' ', s.worker, ' ', c.worker) "
                    + "FROM collect_stats s JOIN mall_accounts a ON a.id = s.account_id JOIN collect_partition_claims c "
                    + "ON c.partition_name = CONCAT('collectAccount:acme/CAFE24/', a.account_key) WHERE s.worker <> c.worker",
                    String.class);
            assertThat(split).as("stages run by another worker than the partition's claimant").isEmpty();
        }
    }
}
