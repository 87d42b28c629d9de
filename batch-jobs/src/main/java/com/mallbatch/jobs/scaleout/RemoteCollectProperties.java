package com.mallbatch.jobs.scaleout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Remote partitioning of collectJob ({@code mallbatch.collect.remote.*}), used when {@code mallbatch.collect.mode} is
 * {@code manager} or {@code worker}.
 *
 * @param queue             the RabbitMQ queue of partition requests (durable; one per installation)
 * @param workerConcurrency partitions (accounts) one worker runs at the same time; it takes one request per free slot
 * @param workerName        how a worker names itself in {@code collect_workers}, claims and {@code collect_stats}
 *                          (default: host and pid); a random suffix keeps two lives of one process apart
 * @param pollInterval      how often the manager reads the partitions' status from the job repository
 * @param timeout           how long the manager waits for all partitions before it fails the step
 * @param heartbeatInterval how often a worker writes its heartbeat (and the manager looks for dead ones)
 * @param heartbeatTimeout  a worker silent this long is dead: the manager fails the partitions it held
 * @param confirmTimeout    how long the manager waits for the broker to confirm (persist) one request
 * @param drainTimeout      how long a worker that is told to stop (SIGTERM) takes no new request and waits for the
 *                          partitions it runs to end; what is still running then is failed by the manager and rerun
 */
@ConfigurationProperties("mallbatch.collect.remote")
public record RemoteCollectProperties(@DefaultValue("mallbatch.collect.partitions") String queue,
                                      @DefaultValue("4") int workerConcurrency,
                                      @DefaultValue("") String workerName,
                                      @DefaultValue("2s") Duration pollInterval,
                                      @DefaultValue("12h") Duration timeout,
                                      @DefaultValue("5s") Duration heartbeatInterval,
                                      @DefaultValue("30s") Duration heartbeatTimeout,
                                      @DefaultValue("10s") Duration confirmTimeout,
                                      @DefaultValue("10m") Duration drainTimeout) {
}
