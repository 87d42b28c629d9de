package com.mallbatch.jobs.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import java.util.EnumSet;
import java.util.Set;

/**
 * Stop a running execution, abandon one that stopped or failed, through Spring Batch's JobOperator: the one path for
 * the command line and the admin web, each request written down with who asked and how it ended. A request that does
 * not fit the execution's status is refused with a line saying what it is.
 */
public final class RunControl {

    /** Where each request is written down: who, what, on which run, and how it ended. */
    @FunctionalInterface
    public interface Audit {

        void record(String who, String action, String target, String detail, String outcome);

        /** When no audit table is at hand (a job-only process): the log. */
        Audit LOG = (who, action, target, detail, outcome) -> LoggerFactory.getLogger(RunControl.class)
                .info("{} {} {} ({}): {}", who, action, target, detail, outcome);
    }

    /** A request that does not fit the execution; the message says which execution and what its status is. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Statuses a stop applies to: the run is going (or about to). */
    public static final Set<BatchStatus> STOPPABLE = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED);
    /** Statuses an abandon applies to: the run ended without completing and must not be restarted. */
    public static final Set<BatchStatus> ABANDONABLE = EnumSet.of(BatchStatus.STOPPED, BatchStatus.FAILED);

    private static final Logger log = LoggerFactory.getLogger(RunControl.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Audit audit;

    public RunControl(JobOperator jobOperator, JobRepository jobRepository, Audit audit) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.audit = audit;
    }

    /**
     * Asks a running execution to stop: it becomes STOPPING, and its steps stop at their next chunk (this process's
     * and any other's, which read the status from the job repository), ending STOPPED; it can be restarted later.
     */
    public BatchStatus stop(long executionId, String who) {
        JobExecution execution = execution(executionId, who, "stop-run");
        if (!STOPPABLE.contains(execution.getStatus())) {
            throw refused(execution, who, "stop-run", "only a " + STOPPABLE + " run can be stopped");
        }
        try {
            jobOperator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw refused(execution, who, "stop-run", "it is no longer running");
        }
        audit.record(who, "stop-run", target(execution), parameters(execution), "stopping");
        log.info("{} asked {} to stop", who, target(execution));
        return jobRepository.getJobExecution(executionId).getStatus();
    }

    /** Marks a stopped or failed execution ABANDONED: Spring Batch will not restart it. */
    public BatchStatus abandon(long executionId, String who) {
        JobExecution execution = execution(executionId, who, "abandon-run");
        if (!ABANDONABLE.contains(execution.getStatus())) {
            throw refused(execution, who, "abandon-run", "only a " + ABANDONABLE + " run can be abandoned");
        }
        try {
            BatchStatus status = jobOperator.abandon(execution).getStatus();
            audit.record(who, "abandon-run", target(execution), parameters(execution), "abandoned");
            log.info("{} abandoned {}", who, target(execution));
            return status;
        } catch (JobExecutionAlreadyRunningException e) {
            throw refused(execution, who, "abandon-run", "it is running again");
        }
    }

    private JobExecution execution(long executionId, String who, String action) {
        if (who == null || who.isBlank()) {
            throw new Refused("say who asks (by=name)");
        }
        JobExecution execution = JobExecutions.find(jobRepository, executionId).orElse(null);
        if (execution == null) {
            audit.record(who, action, "execution " + executionId, null, "refused: no such execution");
            throw new Refused("there is no execution " + executionId);
        }
        return execution;
    }

    private Refused refused(JobExecution execution, String who, String action, String why) {
        String message = target(execution) + " is " + execution.getStatus() + "; " + why;
        audit.record(who, action, target(execution), parameters(execution), "refused: " + message);
        return new Refused(message);
    }

    private static String target(JobExecution execution) {
        return execution.getJobInstance().getJobName() + " execution " + execution.getId();
    }

    private static String parameters(JobExecution execution) {
        return JobLaunchService.describe(execution.getJobParameters());
    }
}
