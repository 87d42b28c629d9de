package com.mallbatch.jobs.scaleout;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.messaging.MessageChannel;

/**
 * Builds a partitioned step whose partitions run on the workers: Spring Batch's remote partitioning manager, sending
 * one request per partition to the request channel (and so to the queue) and polling the shared job repository for
 * the partitions' status every {@code poll-interval}, for at most {@code timeout}, while {@link DeadWorkerReaper}
 * fails the partitions of workers that died. Polling, not reply aggregation: nothing depends on replies crossing the
 * broker, and a restarted manager finds every partition's state where the workers wrote it (spring-batch#5158, #4945
 * concern aggregation).
 */
public final class RemotePartitionedStep {

    private final RemotePartitioningManagerStepBuilderFactory steps;
    private final MessageChannel requests;
    private final RemoteCollectProperties properties;
    private final DeadWorkerReaper reaper;

    RemotePartitionedStep(RemotePartitioningManagerStepBuilderFactory steps, MessageChannel requests,
                          RemoteCollectProperties properties, DeadWorkerReaper reaper) {
        this.steps = steps;
        this.requests = requests;
        this.properties = properties;
        this.reaper = reaper;
    }

    /** The step {@code name} partitioned by {@code partitioner}; each partition runs the workers' {@code workerStep}. */
    public Step build(String name, String workerStep, Partitioner partitioner, int gridSize) {
        return steps.get(name)
                .partitioner(workerStep, partitioner)
                .gridSize(gridSize)
                .outputChannel(requests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.timeout().toMillis())
                .listener(reaper)
                .build();
    }
}
