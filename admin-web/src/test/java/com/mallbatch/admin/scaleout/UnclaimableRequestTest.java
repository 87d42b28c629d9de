package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.scaleout.ScaleOutCluster.Child;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a worker does with a request it cannot handle decides whether a partition is lost (left STARTING, the manager
 * waiting until its timeout — spring-batch#4006's symptom by another road). A request that cannot be claimed for a
 * moment — the database failing the claim — must go back to the queue and run once the database answers; a message
 * that is no partition request at all must be dropped, not redelivered for ever.
 */
class UnclaimableRequestTest {

    private static final int ACCOUNTS = 4;

    @Test
    void aRequestThatCannotBeClaimedForAMomentRunsLaterAndGarbageIsDropped() {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(ACCOUNTS), "so_unclaim");
             ScaleOutCluster cluster = new ScaleOutCluster(world, "unclaim")) {
            Child w1 = cluster.startWorker("w1", 2);
            cluster.awaitWorkers(2, w1);
            MessageProperties text = new MessageProperties();
            text.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
            cluster.rabbit.send("", cluster.queue, new Message("no partition request".getBytes(StandardCharsets.UTF_8), text));
            MessageProperties json = new MessageProperties();
            json.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            json.setHeader("__TypeId__", "java.lang.ProcessBuilder");
            cluster.rabbit.send("", cluster.queue, new Message("{\"command\":[\"rm\"]}".getBytes(StandardCharsets.UTF_8), json));
            cluster.await(Duration.ofSeconds(20), () -> cluster.queued() == 0, "the garbage to be taken", w1);

            // the claims table is away: every claim fails with a database error
            cluster.jdbc.execute("RENAME TABLE collect_partition_claims TO collect_partition_claims_away");
            Child manager = cluster.startManager("manager");
            cluster.await(Duration.ofMinutes(1), () -> !w1.lines("collect_partition_claims' doesn't exist").isEmpty(),
                    "the worker to fail claiming", w1, manager);
            // requeued and tried again, not dropped
            cluster.await(Duration.ofMinutes(1), () -> w1.lines("collect_partition_claims' doesn't exist").size() >= 2,
                    "the worker to fail claiming again", w1, manager);
            cluster.jdbc.execute("RENAME TABLE collect_partition_claims_away TO collect_partition_claims");

            assertThat(cluster.exitCode(manager, Duration.ofMinutes(2)))
                    .as("manager's exit code; its log ends:%n%s%n%s", manager.tail(), cluster.otherTails(manager))
                    .isZero();
            long execution = cluster.jobExecutions().get(0);
            assertThat(cluster.partitions(execution)).hasSize(ACCOUNTS).allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("COMPLETED"));
            assertThat(cluster.stepsLeftRunning()).isEmpty();
            assertThat(cluster.queued()).as("messages left in the queue").isZero();
            cluster.assertOneClaimPerPartition(execution);
            cluster.assertGroundTruth();
            assertThat(w1.lines("Dropped a message that is no request")).as("the text message dropped").hasSize(1);
            assertThat(w1.lines("instance of `java.lang.ProcessBuilder`"))
                    .as("a class named by a message's type header, instantiated").isEmpty();
            assertThat(w1.alive()).isTrue();
        }
    }
}
