package com.mallbatch.jobs.scaleout;

import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A worker's sign of life: its row in {@code collect_workers}, written when it starts (before it takes any request)
 * and again every {@code heartbeat-interval} on the database's clock. When the beats stop — SIGKILL, a lost network —
 * the manager fails the partitions this worker held ({@link DeadWorkerReaper}).
 */
final class WorkerHeartbeat implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

    private final JdbcPartitionClaims claims;
    private final WorkerIdentity worker;
    private final int concurrency;
    private final Duration interval;
    private ScheduledExecutorService timer;

    WorkerHeartbeat(JdbcPartitionClaims claims, WorkerIdentity worker, int concurrency, Duration interval) {
        this.claims = claims;
        this.worker = worker;
        this.concurrency = concurrency;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        claims.beat(worker.name(), concurrency);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Worker {} beating every {}", worker, interval);
    }

    private void beat() {
        try {
            claims.beat(worker.name(), concurrency);
        } catch (RuntimeException e) {
            log.warn("Worker {} could not write its heartbeat ({}); the manager takes it for dead if this lasts", worker,
                    e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
