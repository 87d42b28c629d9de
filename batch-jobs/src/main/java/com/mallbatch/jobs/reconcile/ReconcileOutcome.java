package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.jobs.support.BusinessDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDate;
import java.util.List;

/**
 * What a reconcile run comes to: one digest per tenant of what is new (also when some accounts failed: the others'
 * breaks are news all the same), the gauges, and, when accounts failed, a job exit description naming each with its
 * first error line instead of Spring Batch's "Partition handler returned an unsuccessful step". Run after the job's
 * steps, so a failed run stays restartable from where its accounts stopped.
 */
final class ReconcileOutcome implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReconcileOutcome.class);

    private final ReconcileDigest digest;
    private final MallAccounts accounts;
    private final ReconcileMetrics metrics;
    private final JobRepository jobRepository;

    ReconcileOutcome(ReconcileDigest digest, MallAccounts accounts, ReconcileMetrics metrics, JobRepository jobRepository) {
        this.digest = digest;
        this.accounts = accounts;
        this.metrics = metrics;
        this.jobRepository = jobRepository;
    }

    @Override
    public void afterJob(JobExecution execution) {
        LocalDate date = BusinessDate.parse(execution.getJobParameters().getString(BusinessDate.PARAMETER));
        nameFailedAccounts(execution, date); // first: nothing after it may keep the run from saying what failed
        AccountSelection selection = AccountSelection.of(execution.getJobParameters());
        List<MallAccount> reconciled = accounts.enabled().stream().filter(selection::includes).toList();
        try {
            int sent = digest.send(reconciled, date, execution.getId());
            log.info("reconcileJob {}: {} digest(s) sent", date, sent);
            metrics.refresh();
        } catch (RuntimeException e) { // the breaks are recorded; the next run's digest tells them
            log.error("reconcileJob {}: the digests or gauges could not be updated: {}", date, FailureReport.message(e));
            log.debug("Digest failure", e);
        }
    }

    private void nameFailedAccounts(JobExecution execution, LocalDate date) {
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        List<String> failed = (stored == null ? execution : stored).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(ReconcileJobConfiguration.ACCOUNT_STEP + ":"))
                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName().substring(ReconcileJobConfiguration.ACCOUNT_STEP.length() + 1) + ": "
                        + firstFailure(execution, s))
                .toList();
        if (!failed.isEmpty()) {
            String description = "reconcile of " + date + " failed for " + failed.size() + " account(s); run the same "
                    + "command again to resume each from the check it stopped at:\n- " + String.join("\n- ", failed);
            failed.forEach(f -> log.error("reconcileJob {}: {}", date, f));
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description));
        }
    }

    /** The partition's own failure as this process saw it, else the first line Batch stored for it. */
    private static String firstFailure(JobExecution execution, StepExecution stored) {
        return execution.getStepExecutions().stream().filter(s -> s.getId() == stored.getId()).findFirst()
                .flatMap(s -> s.getFailureExceptions().stream().findFirst()).map(FailureReport::message)
                .orElseGet(() -> stored.getExitStatus().getExitDescription().lines().findFirst().orElse("failed"));
    }
}
