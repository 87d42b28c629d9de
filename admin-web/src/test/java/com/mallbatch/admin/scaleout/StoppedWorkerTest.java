package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker told to stop (SIGTERM, as a service manager stops it) in the middle of its partitions takes no new request
 * and finishes the ones it runs before it exits: the run completes without a failure or a rerun, none of its claims
 * is LOST, and the database ends at the exact ground truth.
 */
class StoppedWorkerTest {

    @Test
    void aStoppedWorkerFinishesThePartitionsItRunsBeforeItExits() throws Exception {
        // Cafe24's real budget (bursts of 40, 2 calls/s): a partition lasts long enough to be stopped in the middle
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(4).withSize(1_000, 3, 40, 10)
                .withRate(40, 2), "so_stopw");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "stopw")) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);
            Child manager = cluster.startManager("manager");
            cluster.await(Duration.ofMinutes(2), () -> !cluster.midPartition(w1).isEmpty(), "w1 to be mid-partition",
                    w1, w2, manager);
            String stopped = cluster.workerNameOf(w1);
            Set<String> held = cluster.midPartition(w1);

            cluster.stop(w1);

            assertThat(w1.process().waitFor(3, TimeUnit.MINUTES)).as("w1 exits once its partitions ended").isTrue();
            assertThat(cluster.exitCode(manager, Duration.ofMinutes(3)))
                    .as("the run's exit code; the manager's log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();
            long run = cluster.jobExecutions().get(0);
            assertThat(cluster.jobExecutions()).as("one run, no rerun").hasSize(1);
            assertThat(cluster.partitions(run)).hasSize(4).allSatisfy((name, status) -> assertThat(status).isEqualTo("COMPLETED"));
            for (String partition : held) {
                assertThat(cluster.jdbc.queryForObject("SELECT CONCAT(worker, ' ', outcome) FROM collect_partition_claims "
                        + "WHERE partition_name = ? AND job_execution_id = ?", String.class, partition, run))
                        .as("claim of %s, which w1 was running when told to stop", partition)
                        .isEqualTo(stopped + " COMPLETED");
            }
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            cluster.assertOneClaimPerPartition(run);
            cluster.assertGroundTruth();
        }
    }
}
