package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once delivery: RabbitMQ may hand the same partition request out twice (a redelivery after a lost ack, a
 * broker restart). Here every request the manager sent is delivered twice, the copy right behind the original, so
 * two consumers get the same partition at the same moment: each partition still runs exactly once — one claim per
 * step execution, one run of each stage — and nothing is lost: every account is exact.
 */
class DuplicateDeliveryTest {

    private static final int ACCOUNTS = 6;
    private static final Pattern RUNS = Pattern.compile("Worker \\S+ runs (collectAccount:\\S+) \\((\\d+)\\)");

    @Test
    void everyRequestDeliveredTwiceAtOnceRunsOnceAndNothingIsLost() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(ACCOUNTS), "so_twice");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "twice")) {
            Child manager = cluster.startManager("manager");
            cluster.await(Duration.ofMinutes(1), () -> cluster.queued() == ACCOUNTS,
                    ACCOUNTS + " requests queued by the manager", manager);

            // take the manager's requests off the queue and put each back twice in a row
            List<Message> requests = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                Message request = cluster.rabbit.receive(cluster.queue, 5_000);
                assertThat(request).as("request %s", i).isNotNull();
                requests.add(request);
            }
            for (Message request : requests) {
                request.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                cluster.rabbit.send("", cluster.queue, request);
                cluster.rabbit.send("", cluster.queue, request);
            }
            cluster.await(Duration.ofSeconds(10), () -> cluster.queued() == 2L * ACCOUNTS, "the requests queued twice",
                    manager);

            Child w1 = cluster.startWorker("w1", 2);
            Child w2 = cluster.startWorker("w2", 2);
            assertThat(cluster.exitCode(manager, Duration.ofMinutes(3)))
                    .as("manager's exit code; its log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();
            long execution = cluster.jobExecutions().get(0);
            assertThat(cluster.jobStatus(execution)).isEqualTo("COMPLETED");
            cluster.await(Duration.ofSeconds(30), () -> cluster.queued() == 0, "the copies to be consumed", w1, w2);

            // each partition ran once: one "runs" line per step execution across both workers, the copies dropped
            List<String> runs = Stream.concat(w1.lines(" runs collectAccount:").stream(),
                    w2.lines(" runs collectAccount:").stream()).toList();
            Map<String, Long> runsPerExecution = runs.stream().map(RUNS::matcher).filter(Matcher::find)
                    .collect(Collectors.groupingBy(m -> m.group(1) + " (" + m.group(2) + ")", Collectors.counting()));
            assertThat(runsPerExecution).as("runs per partition").hasSize(ACCOUNTS)
                    .allSatisfy((partition, count) -> assertThat(count).as(partition).isEqualTo(1L));
            cluster.await(Duration.ofSeconds(10), () -> dropped(w1, w2) == ACCOUNTS, "the copies to be dropped", w1, w2);
            assertThat(cluster.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                    Integer.class, execution)).as("step executions: the manager's, and one per partition and stage")
                    .isEqualTo(1 + ACCOUNTS * 6);
            assertThat(cluster.partitions(execution)).hasSize(ACCOUNTS).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            cluster.assertOneClaimPerPartition(execution);
            cluster.assertGroundTruth();
        }
    }

    private static int dropped(Child... workers) {
        return Stream.of(workers).mapToInt(w -> w.lines("Dropped").size()).sum();
    }
}
