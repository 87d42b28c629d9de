package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.localdb.PrivateRabbitMq;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker restarted in the middle of a run ({@code rabbitmqctl stop_app && rabbitmqctl start_app}, on a RabbitMQ
 * node of the test's own so no one else's connections are cut): the requests the workers held unacknowledged come
 * back and are delivered again while their partitions still run — and are dropped, not run a second time beside
 * them; the requests still queued survive the restart (durable queue, persistent messages) and run once the workers
 * reconnect. The run completes with exit code 0, every partition ran once, and every account is exact.
 */
class BrokerRestartTest {

    private static final int ACCOUNTS = 6;
    private static final Pattern RUNS = Pattern.compile("Worker \\S+ runs (collectAccount:\\S+) \\((\\d+)\\)");

    @Test
    void aBrokerRestartMidRunLosesNoRequestAndRunsNoPartitionTwice() {
        try (PrivateRabbitMq broker = PrivateRabbitMq.start();
             SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(ACCOUNTS)
                     .withSize(1_000, 3, 40, 10).withRate(40, 2), "so_brokr");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "brokr", broker.port())) {
            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            cluster.awaitWorkers(4, w1, w2);
            Child manager = cluster.startManager("manager");

            // four partitions mid-way (committed products), two requests still queued behind them
            cluster.await(Duration.ofMinutes(2), () -> runningWithProducts(cluster) >= 4 && cluster.queued() == 2,
                    "4 partitions mid-way and 2 queued", w1, w2, manager);
            broker.restart();
            assertThat(runningWithProducts(cluster)).as("partitions still running after the restart").isEqualTo(4);

            assertThat(cluster.exitCode(manager, Duration.ofMinutes(3)))
                    .as("manager's exit code; its log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();
            long execution = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(execution)).isEqualTo("COMPLETED");
            // the four redelivered requests are dropped once a consumer is free again
            cluster.await(Duration.ofSeconds(30), () -> dropped(w1, w2) >= 4, "the redelivered requests to be dropped",
                    w1, w2);

            Map<String, Long> runsPerExecution = Stream.concat(w1.lines(" runs collectAccount:").stream(),
                            w2.lines(" runs collectAccount:").stream()).map(RUNS::matcher).filter(Matcher::find)
                    .collect(Collectors.groupingBy(m -> m.group(1) + " (" + m.group(2) + ")", Collectors.counting()));
            assertThat(runsPerExecution).as("runs per partition").hasSize(ACCOUNTS)
                    .allSatisfy((partition, count) -> assertThat(count).as(partition).isEqualTo(1L));
            List<String> droppedLines = Stream.concat(w1.lines("Dropped").stream(), w2.lines("Dropped").stream()).toList();
            assertThat(droppedLines).as("what was dropped").hasSize(4)
                    .allSatisfy(line -> assertThat(line).containsAnyOf(" it is STARTED ", " it is COMPLETED ",
                            "claimed it already"));
            assertThat(cluster.partitions(execution)).hasSize(ACCOUNTS).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            assertThat(cluster.queued()).isZero();
            cluster.assertOneClaimPerPartition(execution);
            cluster.assertGroundTruth();
        }
    }

    private static int runningWithProducts(ScaleOutCluster cluster) {
        return cluster.jdbc.queryForObject("SELECT COUNT(*) FROM collect_partition_claims c JOIN mall_accounts a ON "
                + "c.partition_name = CONCAT('collectAccount:acme/CAFE24/', a.account_key) WHERE c.ended_at IS NULL AND "
                + "EXISTS (SELECT 1 FROM products p WHERE p.account_id = a.id)", Integer.class);
    }

    private static int dropped(Child... workers) {
        return Stream.of(workers).mapToInt(w -> w.lines("Dropped").size()).sum();
    }
}
