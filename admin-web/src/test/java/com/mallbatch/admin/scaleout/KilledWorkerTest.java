package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker SIGKILLed in the middle of its partitions: the manager notices its heartbeat stop, fails exactly those
 * partitions (none is left STARTED, none waits for ever), and the job fails naming the accounts and the dead worker
 * with exit code 1. The same manager command then restarts only those partitions — on the surviving worker, each from
 * its last commit — and the database ends at the exact ground truth; the partitions that completed are not run again.
 */
class KilledWorkerTest {

    @Test
    void partitionsOfAKilledWorkerFailNamingItAndTheSameCommandRerunsOnlyThemOnTheSurvivor() {
        // 1,500 products per mall at Cafe24's real budget (bursts of 40, 2 calls/s): a partition lasts long enough
        // to be killed in the middle of it
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(4).withSize(1_500, 3, 40, 10)
                .withRate(40, 2), "so_killw");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "killw")) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);
            Child first = cluster.startManager("manager-1");

            // w1 is mid-partition: it holds claims and one of its accounts has committed products
            cluster.await(Duration.ofMinutes(2), () -> !cluster.midPartition(w1).isEmpty(), "w1 to be mid-partition",
                    w1, w2, first);
            cluster.kill(w1);
            String dead = cluster.workerNameOf(w1);
            // what w1 was running when it died (frozen now: the manager fails them only after the heartbeat timeout)
            List<String> killed = cluster.jdbc.queryForList("SELECT c.partition_name FROM collect_partition_claims c "
                    + "JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.step_execution_id WHERE c.worker = ? AND "
                    + "c.ended_at IS NULL AND s.STATUS IN ('STARTING', 'STARTED') ORDER BY 1", String.class, dead);
            assertThat(killed).as("partitions w1 held when killed").isNotEmpty();

            assertThat(cluster.exitCode(first, Duration.ofMinutes(3)))
                    .as("the failed run's exit code; the manager's log ends:%n%s", first.tail()).isEqualTo(1);
            long failedRun = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(failedRun)).isEqualTo("FAILED");
            assertThat(cluster.stepsLeftRunning()).as("steps left running by the killed worker").isEmpty();
            Map<String, String> partitions = cluster.partitions(failedRun);
            assertThat(partitions).hasSize(4);
            partitions.forEach((name, status) -> assertThat(status).as(name)
                    .isEqualTo(killed.contains(name) ? "FAILED" : "COMPLETED"));
            for (String partition : killed) {
                assertThat(cluster.jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE "
                        + "JOB_EXECUTION_ID = ? AND STEP_NAME = ?", String.class, failedRun, partition))
                        .as("why %s failed", partition).contains("worker " + dead + " stopped beating");
                String account = partition.substring("collectAccount:".length());
                assertThat(first.lines(" ERROR ")).as("the manager's error lines").anySatisfy(line ->
                        assertThat(line).contains(account).contains(dead));
            }
            for (String partition : killed) {
                assertThat(cluster.jdbc.queryForObject("SELECT outcome FROM collect_partition_claims WHERE "
                        + "partition_name = ? AND job_execution_id = ?", String.class, partition, failedRun))
                        .as("claim of %s", partition).isEqualTo("LOST");
            }

            Child second = cluster.startManager("manager-2");
            assertThat(cluster.exitCode(second, Duration.ofMinutes(3)))
                    .as("the rerun's exit code; the manager's log ends:%n%s%n%s", second.tail(), cluster.otherTails(second))
                    .isZero();
            assertThat(cluster.jobExecutions()).hasSize(2);
            long rerun = cluster.jobExecutions().get(1);
            assertThat(cluster.jobStatus(rerun)).isEqualTo("COMPLETED");
            assertThat(cluster.partitions(rerun)).as("the rerun's partitions: only the failed ones")
                    .containsOnlyKeys(killed).allSatisfy((name, status) -> assertThat(status).isEqualTo("COMPLETED"));
            assertThat(cluster.jdbc.queryForList("SELECT DISTINCT worker FROM collect_partition_claims WHERE "
                    + "job_execution_id = ?", String.class, rerun)).containsExactly(cluster.workerNameOf(w2));
            // the requests w1 held went back to the queue when it died; the survivor dropped them instead of running
            // them beside the first attempt
            for (String partition : killed) {
                assertThat(w2.lines("Dropped the request for " + partition)).as("w2 dropped the redelivered %s", partition)
                        .isNotEmpty();
            }
            // the interrupted stages resumed at their last commit instead of starting over
            assertThat(cluster.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                    + "AND STEP_NAME LIKE 'collectCategories:%'", Integer.class, rerun))
                    .as("categories collected again by the rerun").isZero();
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            cluster.assertOneClaimPerPartition(failedRun, rerun);
            cluster.assertGroundTruth();
        }
    }

}
