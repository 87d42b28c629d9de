package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager that stops waiting ({@code mallbatch.collect.remote.timeout} ran out) ends the run FAILED while the
 * workers still run its accounts: it says so, naming them and the limit, not "TimeoutException". Running the same
 * command again must not trip over them ("Cannot restart step from STARTED status"): it waits for them to end, then
 * restarts the run, which reruns nothing that completed and ends at the exact ground truth with exit code 0.
 */
class ManagerTimeoutTest {

    private static final int ACCOUNTS = 4;

    @Test
    void aManagerThatStopsWaitingNamesTheAccountsStillRunningAndTheRerunWaitsForThem() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(ACCOUNTS).withSize(1_500, 3, 40, 10)
                .withRate(40, 2), "so_tmout");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "tmout")) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);

            Child impatient = cluster.startManager("manager-1", "--mallbatch.collect.remote.timeout=3s");
            assertThat(cluster.exitCode(impatient, Duration.ofMinutes(2)))
                    .as("exit code of the manager that stopped waiting; its log ends:%n%s", impatient.tail()).isEqualTo(1);
            long first = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(first)).isEqualTo("FAILED");
            assertThat(cluster.partitions(first).values()).as("partitions when the manager gave up")
                    .contains("STARTED").doesNotContain("FAILED");
            assertThat(impatient.lines(" ERROR ")).as("the manager's error lines").anySatisfy(line -> assertThat(line)
                    .contains("still running on workers when the run stopped waiting")
                    .contains("mallbatch.collect.remote.timeout (PT3S)").contains("acme/CAFE24/sandbox0"));

            Child patient = cluster.startManager("manager-2");
            assertThat(cluster.exitCode(patient, Duration.ofMinutes(3)))
                    .as("the rerun's exit code; the manager's log ends:%n%s%n%s", patient.tail(), cluster.otherTails(patient))
                    .isZero();
            assertThat(patient.lines("waiting for them to end before restarting"))
                    .as("the rerun waited for the accounts still running").isNotEmpty();
            long rerun = cluster.jobExecutions().get(1);
            assertThat(cluster.jobStatus(rerun)).isEqualTo("COMPLETED");
            assertThat(cluster.partitions(first)).hasSize(ACCOUNTS).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.partitions(rerun)).as("partitions run again by the rerun").isEmpty();
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            cluster.assertOneClaimPerPartition(first, rerun);
            cluster.assertGroundTruth();
        }
    }
}
