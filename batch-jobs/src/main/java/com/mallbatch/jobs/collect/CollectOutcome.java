package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthMetrics;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcStockLevels;
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
import java.util.Optional;

/**
 * What a collect run comes to, per account. Each failed account is logged on a line of its own (account, stage, first
 * error line) and listed in the job's exit description instead of Spring Batch's "Partition handler returned an
 * unsuccessful step". Every account whose stock of the date was not read to the end — failed, or paused — keeps its
 * last good values, marked stale; nothing empty or zero is written in their place.
 */
final class CollectOutcome implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(CollectOutcome.class);

    private final MallAccounts accounts;
    private final JobRepository jobRepository;
    private final JdbcStockLevels stock;
    private final AccountHealthMetrics healthMetrics;

    CollectOutcome(MallAccounts accounts, JobRepository jobRepository, JdbcStockLevels stock,
                   AccountHealthMetrics healthMetrics) {
        this.accounts = accounts;
        this.jobRepository = jobRepository;
        this.stock = stock;
        this.healthMetrics = healthMetrics;
    }

    @Override
    public void afterJob(JobExecution execution) {
        LocalDate date = BusinessDate.parse(execution.getJobParameters().getString(BusinessDate.PARAMETER));
        List<StepExecution> partitions = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(CollectJobConfiguration.ACCOUNT_STEP + ":")).toList();
        List<AccountFailure> failures = partitions.stream().filter(p -> p.getStatus() == BatchStatus.FAILED)
                .map(p -> failure(execution, p)).toList();
        failures.forEach(f -> log.error("collectJob {}: {}", date, f));
        markStockStale(execution, date);
        healthMetrics.refresh();
        long done = partitions.stream().filter(p -> p.getStatus() == BatchStatus.COMPLETED).count();
        log.info("collectJob {}: {} account(s) collected in this run, {} failed", date, done, failures.size());
        if (!failures.isEmpty()) {
            StringBuilder description = new StringBuilder(failures.size() + " of " + partitions.size()
                    + " account(s) failed; run the same command again to rerun only them, each from where it stopped:");
            failures.forEach(f -> description.append("\n- ").append(f));
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description.toString()));
        }
    }

    private static AccountFailure failure(JobExecution execution, StepExecution partition) {
        String suffix = partition.getStepName().substring(CollectJobConfiguration.ACCOUNT_STEP.length() + 1);
        String account = partition.getExecutionContext().getString(AccountPartitioner.ACCOUNT, suffix);
        return AccountFailure.of(execution, suffix, account)
                .orElse(new AccountFailure(account, CollectJobConfiguration.ACCOUNT_STEP, AccountFailure.firstLine(partition)));
    }

    private void markStockStale(JobExecution execution, LocalDate date) {
        for (MallAccount account : accounts.enabled()) {
            String stockStep = CollectStages.VARIANTS_AND_STOCK + ":" + AccountPartitioner.stepSuffix(account);
            Optional<StepExecution> last = Optional.ofNullable(
                    jobRepository.getLastStepExecution(execution.getJobInstance(), stockStep));
            if (last.map(s -> s.getStatus() == BatchStatus.COMPLETED).orElse(false)) {
                continue;
            }
            int marked = stock.markStale(account.id(), date);
            if (marked > 0) {
                log.warn("{}: stock for {} not confirmed; kept {} last good value(s), marked stale", account.label(), date, marked);
            }
        }
    }
}
