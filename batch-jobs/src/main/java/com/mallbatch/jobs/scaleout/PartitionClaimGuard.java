package com.mallbatch.jobs.scaleout;

import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a worker does with each message from the partition queue, around Spring Batch's
 * {@code StepExecutionRequestHandler}: a partition request runs only if its step execution is still waiting (STARTING)
 * in a running job execution, and only on the worker that claims it first ({@code collect_partition_claims}). A request
 * delivered again — after a broker restart, or after a worker died holding it unacknowledged — finds the claim and is
 * dropped, so no partition runs twice at the same time; a request of a run the manager has given up on finds its step
 * execution no longer STARTING and is dropped too.
 * <p>
 * No request is lost on the way: when the claim cannot be made (the database failed it), the message goes back to the
 * queue after a pause and is taken again, instead of being dropped and leaving its partition STARTING until the
 * manager's timeout; a claimed request whose step could not even start (no such step here) is recorded FAILED, so the
 * polling manager sees it end. Only what is no request to run the worker step — garbage — is dropped as it is.
 */
final class PartitionClaimGuard {

    private static final Logger log = LoggerFactory.getLogger(PartitionClaimGuard.class);

    private final JobRepository jobRepository;
    private final JdbcPartitionClaims claims;
    private final WorkerIdentity worker;
    private final StepExecutionRequestHandler handler;
    private final String workerStep;
    private final Duration retryPause;
    /** The step executions this worker is running (claimed and not yet finished). */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    PartitionClaimGuard(JobRepository jobRepository, JdbcPartitionClaims claims, WorkerIdentity worker,
                        StepExecutionRequestHandler handler, String workerStep, Duration retryPause) {
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.worker = worker;
        this.handler = handler;
        this.workerStep = workerStep;
        this.retryPause = retryPause;
    }

    /**
     * Runs one message's partition if this worker may. Throws — and so sends the message back to the queue — only when
     * the claim could not be made.
     */
    void run(Object payload) {
        if (!(payload instanceof StepExecutionRequest request) || request.getStepExecutionId() <= 0
                || !workerStep.equals(request.getStepName())) {
            log.warn("Dropped a message that is no request to run {}: {}", workerStep, describe(payload));
            return;
        }
        boolean claimed;
        try {
            claimed = claim(request);
        } catch (RuntimeException e) {
            log.warn("Could not claim step execution {} ({}); it goes back to the queue", request.getStepExecutionId(),
                    FailureReport.message(e));
            pause();
            throw new IllegalStateException("Could not claim step execution " + request.getStepExecutionId(), e);
        }
        if (!claimed) {
            return;
        }
        try {
            StepExecution ran;
            try {
                ran = handler.handle(request);
            } catch (RuntimeException e) {
                ran = notStarted(request, e);
            }
            finished(ran);
        } finally {
            running.remove(request.getStepExecutionId());
        }
    }

    /** True when this worker may run the request: it is waiting, and this worker claimed it. */
    boolean claim(StepExecutionRequest request) {
        StepExecution step = jobRepository.getStepExecution(request.getStepExecutionId());
        if (step == null) {
            log.warn("Dropped {}: no such step execution in this database", request);
            return false;
        }
        if (step.getStatus() != BatchStatus.STARTING || !step.getJobExecution().getStatus().isRunning()) {
            log.info("Dropped the request for {} ({}): it is {} in job execution {} ({}); the run moved on",
                    step.getStepName(), step.getId(), step.getStatus(), step.getJobExecutionId(),
                    step.getJobExecution().getStatus());
            return false;
        }
        // taken here before the claim, so two deliveries to this worker's consumers never both pass
        if (!running.add(step.getId())) {
            log.warn("Dropped a second delivery of {} ({}): this worker runs it already", step.getStepName(), step.getId());
            return false;
        }
        try {
            if (!claims.claim(step.getId(), step.getJobExecutionId(), step.getStepName(), worker.name())) {
                String claimant = claims.claimant(step.getId()).orElse("?");
                if (!claimant.equals(worker.name())) {
                    running.remove(step.getId());
                    log.warn("Dropped a second delivery of {} ({}): worker {} claimed it already", step.getStepName(),
                            step.getId(), claimant);
                    return false;
                }
                // this worker's claim went in, but its delivery failed before the partition ran (the database answered
                // the insert with an error after writing it): no one else will run it
                log.warn("Step execution {} was claimed by this worker on a delivery that failed before it ran; running "
                        + "it now", step.getId());
            }
        } catch (RuntimeException e) {
            running.remove(step.getId());
            throw e;
        }
        log.info("Worker {} runs {} ({})", worker, step.getStepName(), step.getId());
        return true;
    }

    /** A claimed request whose step could not be run at all (Spring Batch's handler threw before running it). */
    private StepExecution notStarted(StepExecutionRequest request, RuntimeException e) {
        log.error("Worker {} could not run step execution {}: {}", worker, request.getStepExecutionId(),
                FailureReport.message(e));
        StepExecution step = jobRepository.getStepExecution(request.getStepExecutionId());
        step.addFailureException(e);
        step.setStatus(BatchStatus.FAILED);
        return step;
    }

    /**
     * The partition ran. Spring Batch's handler leaves to "the receiver" a failure thrown before the step could record
     * it (the job repository still says STARTING): with nobody listening for replies, the worker records it here, so
     * the polling manager sees it end instead of waiting for ever.
     */
    void finished(StepExecution step) {
        StepExecution stored = jobRepository.getStepExecution(step.getId());
        if (stored != null && stored.getStatus().isRunning() && !step.getStatus().isRunning()) {
            step.setEndTime(LocalDateTime.now());
            if (!step.getFailureExceptions().isEmpty()) {
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "on worker " + worker + ": " + FailureReport.message(step.getFailureExceptions().get(0))));
            }
            jobRepository.update(step);
        }
        claims.ended(step.getId(), step.getStatus().name());
        log.info("Worker {} ran {} ({}): {}", worker, step.getStepName(), step.getId(), step.getStatus());
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Object payload) {
        if (payload instanceof byte[] bytes) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
        }
        return String.valueOf(payload);
    }
}
