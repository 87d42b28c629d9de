package com.mallbatch.jobs.scaleout;

import com.mallbatch.jobs.launch.RecoveryGuard;
import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A manager that died left its workers running: before the launch service recovers the dead execution and restarts
 * it, the new manager waits for the partitions still held by live workers to end (they finish, COMPLETED or FAILED,
 * without a manager), so the restart runs none of them a second time beside the first and redoes none that completed.
 * Partitions held by dead workers, and requests no worker took, are failed by the recovery and rerun. The same wait
 * precedes the restart of a run whose manager stopped waiting (its timeout) while workers still ran some accounts.
 */
final class LiveWorkBeforeRecovery implements RecoveryGuard {

    private static final Logger log = LoggerFactory.getLogger(LiveWorkBeforeRecovery.class);

    private final JdbcPartitionClaims claims;
    private final Duration silence;
    private final Duration pollInterval;
    private final Duration timeout;

    LiveWorkBeforeRecovery(JdbcPartitionClaims claims, Duration silence, Duration pollInterval, Duration timeout) {
        this.claims = claims;
        this.silence = silence;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @Override
    public void awaitLiveWork(JobExecution dead) {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextLog = Instant.EPOCH;
        while (true) {
            List<JdbcPartitionClaims.Claim> live = claims.heldByLiveWorkers(dead.getId(), silence);
            if (live.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(live.size() + " partition(s) of execution " + dead.getId()
                        + " are still running on live workers after " + timeout + "; not restarting beside them");
            }
            if (Instant.now().isAfter(nextLog)) {
                log.warn("Execution {} left {} partition(s) running on live workers ({}{}); waiting for them to end before "
                                + "restarting", dead.getId(), live.size(),
                        String.join(", ", live.stream().limit(5).map(c -> c.partition() + " on " + c.worker()).toList()),
                        live.size() > 5 ? ", …" : "");
                nextLog = Instant.now().plusSeconds(30);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for the workers of execution " + dead.getId(), e);
            }
        }
    }
}
