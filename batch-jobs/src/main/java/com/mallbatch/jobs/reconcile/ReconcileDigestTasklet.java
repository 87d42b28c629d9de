package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run's last step: the digests, the gauges, and the run's verdict — it fails, naming each account whose reconcile
 * failed and why, so the job does not end COMPLETED over an account that was not reconciled.
 */
final class ReconcileDigestTasklet implements Tasklet {

    private final ReconcileDigest digest;
    private final MallAccounts accounts;
    private final ReconcileMetrics metrics;

    ReconcileDigestTasklet(ReconcileDigest digest, MallAccounts accounts, ReconcileMetrics metrics) {
        this.digest = digest;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        JobExecution job = step.getJobExecution();
        LocalDate date = BusinessDate.parse(job.getJobParameters().getString(BusinessDate.PARAMETER));
        String tenant = job.getJobParameters().getString("tenant");
        List<MallAccount> reconciled = accounts.enabled().stream()
                .filter(a -> tenant == null || tenant.equals(a.tenantKey())).toList();
        int sent = digest.send(reconciled, date, job.getId());
        step.getExecutionContext().putInt("digestsSent", sent);
        metrics.refresh();
        List<String> failed = job.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(ReconcileJobConfiguration.ACCOUNT_STEP + ":"))
                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName().substring(ReconcileJobConfiguration.ACCOUNT_STEP.length() + 1) + ": "
                        + s.getFailureExceptions().stream().findFirst().map(FailureReport::message).orElse("failed"))
                .toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("reconcile of " + date + " failed for " + failed.size() + " account(s): "
                    + String.join("; ", failed) + " — run the same command again to resume them");
        }
        return RepeatStatus.FINISHED;
    }
}
