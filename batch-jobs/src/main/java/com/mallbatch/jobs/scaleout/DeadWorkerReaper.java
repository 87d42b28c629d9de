package com.mallbatch.jobs.scaleout;

import com.mallbatch.jobs.collect.AccountFailureNote;
import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The manager's watch over its workers while the partitioned step polls the job repository. Every heartbeat interval
 * it fails the partitions held by a worker whose heartbeat stopped ({@code heartbeat-timeout}): the partition and its
 * running stage are marked FAILED, naming the worker and its last beat, so the polling manager sees them end and the
 * job fails naming the account instead of waiting for ever; the same command then reruns them on any worker. When the
 * step itself fails (the broker refused a request, or the timeout ran out), the partitions no worker ever claimed are
 * failed too, so none is left STARTING; a request for them still in the queue is dropped by the worker that gets it.
 * Those a live worker holds run on to their end; the same command waits for them before it restarts the run.
 * Spring Batch's optimistic locking fences a worker that was only slow: its next write of a step execution marked
 * here fails, so a partition never runs on two workers at once.
 */
final class DeadWorkerReaper implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DeadWorkerReaper.class);
    private static final String PARTITION_PREFIX = CollectJobConfiguration.ACCOUNT_STEP + ":";

    private final JobRepository jobRepository;
    private final JdbcPartitionClaims claims;
    private final Duration interval;
    private final Duration silence;
    private final Duration timeout;
    private final Map<Long, ScheduledFuture<?>> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dead-worker-reaper");
        thread.setDaemon(true);
        return thread;
    });

    DeadWorkerReaper(JobRepository jobRepository, JdbcPartitionClaims claims, Duration interval, Duration silence,
                     Duration timeout) {
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.interval = interval;
        this.silence = silence;
        this.timeout = timeout;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        long jobExecutionId = manager.getJobExecutionId();
        watches.put(manager.getId(), timer.scheduleWithFixedDelay(() -> sweep(jobExecutionId), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        ScheduledFuture<?> watch = watches.remove(manager.getId());
        if (watch != null) {
            watch.cancel(false);
        }
        sweep(manager.getJobExecutionId());
        // Spring Batch's poller gives up with a bare TimeoutException: say which limit ran out
        manager.getFailureExceptions().replaceAll(e -> e instanceof TimeoutException ? new IllegalStateException(
                "the workers did not finish within mallbatch.collect.remote.timeout (" + timeout + ")", e) : e);
        if (manager.getStatus() != BatchStatus.COMPLETED) {
            failUnclaimed(manager);
        }
        return null;
    }

    /** Fails every partition of the run held by a worker that stopped beating. */
    synchronized void sweep(long jobExecutionId) {
        try {
            List<JdbcPartitionClaims.Claim> held = claims.heldByDeadWorkers(jobExecutionId, silence);
            // loaded once per sweep: it brings every step execution and its context
            JobExecution job = held.isEmpty() ? null : jobRepository.getJobExecution(jobExecutionId);
            for (JdbcPartitionClaims.Claim lost : held) {
                String why = "worker " + lost.worker() + " stopped beating at " + lost.lastBeat()
                        + " while it ran this account (killed, or cut off from the database)";
                BatchStatus endedBefore = fail(job, lost.partition(), why);
                if (endedBefore == null) {
                    log.warn("{}: {}; marked FAILED", lost.partition(), why);
                }
                // a worker killed after its partition ended, before it closed the claim: the claim keeps that outcome
                claims.ended(lost.stepExecutionId(), endedBefore == null ? "LOST" : endedBefore.name());
            }
        } catch (OptimisticLockingFailureException raced) {
            log.debug("A worker wrote a partition while it was being failed; trying again at the next sweep", raced);
        } catch (RuntimeException e) {
            log.warn("Could not look for dead workers: {}", e.getMessage());
        }
    }

    private void failUnclaimed(StepExecution manager) {
        String reason = manager.getFailureExceptions().isEmpty() ? manager.getExitStatus().getExitCode()
                : FailureReport.message(manager.getFailureExceptions().get(0));
        Set<Long> claimed = claims.claimed(manager.getJobExecutionId());
        JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStepName().startsWith(PARTITION_PREFIX) && step.getStatus().isRunning()
                    && !claimed.contains(step.getId())) {
                fail(job, step.getStepName(), "no worker took it before the manager stopped "
                        + "waiting (" + reason + "); check that workers run on the same queue and database");
            }
        }
    }

    /**
     * Marks the partition and its running stage FAILED with {@code why}; returns null when it did, else the status the
     * partition had already ended with.
     */
    private BatchStatus fail(JobExecution job, String partitionName, String why) {
        String suffix = partitionName.substring(PARTITION_PREFIX.length());
        StepExecution partition = null;
        String stage = CollectJobConfiguration.ACCOUNT_STEP;
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStepName().equals(partitionName)) {
                partition = step;
            } else if (step.getStatus().isRunning() && step.getStepName().endsWith(":" + suffix)) {
                stage = step.getStepName().substring(0, step.getStepName().indexOf(':'));
                end(step, why);
            }
        }
        if (partition == null) {
            return BatchStatus.UNKNOWN;
        }
        if (!partition.getStatus().isRunning()) {
            return partition.getStatus();
        }
        AccountFailureNote.write(partition.getExecutionContext(), stage, why);
        jobRepository.updateExecutionContext(partition);
        end(partition, why);
        return null;
    }

    private void end(StepExecution step, String why) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), why));
        step.setEndTime(LocalDateTime.now());
        jobRepository.update(step);
    }
}
