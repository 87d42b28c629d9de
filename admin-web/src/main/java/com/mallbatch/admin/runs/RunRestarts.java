package com.mallbatch.admin.runs;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "Restart failed accounts": the run's job again with the same identifying parameters, through the launch service, so
 * Spring Batch restarts that instance and only the partitions that did not complete run again. The run goes on in the
 * background; the caller gets the new execution once it exists.
 */
@Service
public class RunRestarts {

    private static final Logger log = LoggerFactory.getLogger(RunRestarts.class);
    static final Duration WAIT_FOR_EXECUTION = Duration.ofSeconds(15);

    private final RunDetails details;
    private final JobLaunchService launches;
    private final JobRepository jobRepository;
    private final AdminAudit audit;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("admin-restart-");

    public RunRestarts(RunDetails details, JobLaunchService launches, JobRepository jobRepository, AdminAudit audit) {
        this.details = details;
        this.launches = launches;
        this.jobRepository = jobRepository;
        this.audit = audit;
        executor.setConcurrencyLimit(4);
    }

    /**
     * Starts the restart of a failed or stopped run that is its instance's newest execution.
     *
     * @return the new execution's id, when it appeared in time
     * @throws IllegalArgumentException when the run is unknown or cannot be restarted
     */
    @PreAuthorize("hasRole('OPS')")
    public Optional<Long> restartFailedAccounts(long executionId, String user) {
        RunDetails.Run run = details.run(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no run " + executionId));
        String target = run.jobName() + " execution " + executionId;
        if (!run.restartable()) {
            audit.record(user, "restart-failed-accounts", target, run.parameters(), "refused: run is " + run.status()
                    + (run.newerExecutionId() != null ? ", newer execution " + run.newerExecutionId() : ""));
            throw new IllegalArgumentException("run " + executionId + " cannot be restarted");
        }
        JobExecution execution = jobRepository.getJobExecution(executionId);
        JobParameters identifying = new JobParameters(execution.getJobParameters().getIdentifyingParameters());
        audit.record(user, "restart-failed-accounts", target, run.parameters() + "; accounts "
                + RunDetails.accountsToRerun(run).keySet(), "started");
        executor.execute(() -> {
            try {
                JobExecution restarted = launches.launch(run.jobName(), identifying, user);
                log.info("{} restarted by {} as execution {}: {}", target, user, restarted.getId(), restarted.getStatus());
            } catch (LaunchRefusedException e) {
                log.error("Restart of {} by {} refused: {}", target, user, e.getMessage());
                audit.record(user, "restart-failed-accounts", target, run.parameters(), "refused: " + e.getMessage());
            } catch (RuntimeException e) {
                log.error("Restart of {} by {} failed: {}", target, user, e.getMessage(), e);
            }
        });
        Instant deadline = Instant.now().plus(WAIT_FOR_EXECUTION);
        while (Instant.now().isBefore(deadline)) {
            JobExecution newest = jobRepository.getLastJobExecution(execution.getJobInstance());
            if (newest != null && newest.getId() != executionId) {
                return Optional.of(newest.getId());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }
}
