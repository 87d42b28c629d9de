package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthMetrics;
import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.launch.FailureReport;
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
import java.util.Set;
import java.util.stream.Collectors;

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
        // as the repository has them: partitions run by workers in other processes are only there
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        List<StepExecution> partitions = (stored == null ? execution : stored).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(CollectJobConfiguration.ACCOUNT_STEP + ":")).toList();
        List<AccountFailure> failures = partitions.stream().filter(p -> p.getStatus() == BatchStatus.FAILED)
                .map(p -> failure(execution, p)).toList();
        failures.forEach(f -> log.error("collectJob {}: {}", date, f));
        markStockStale(execution, date);
        healthMetrics.refresh();
        long done = partitions.stream().filter(p -> p.getStatus() == BatchStatus.COMPLETED).count();
        long earlier = completedEarlier(execution, partitions);
        log.info("collectJob {}: {} account(s) collected in this run, {} failed{}", date, done, failures.size(),
                earlier == 0 ? "" : "; " + earlier + " completed in an earlier run of this date");
        // a manager that stopped waiting (its timeout, a broker that refused a request) leaves accounts running on
        // workers: the run failed, but not those accounts
        List<String> stillRunning = partitions.stream().filter(p -> p.getStatus().isRunning())
                .map(p -> p.getStepName().substring(CollectJobConfiguration.ACCOUNT_STEP.length() + 1)).toList();
        if (!failures.isEmpty() || !stillRunning.isEmpty()) {
            StringBuilder description = new StringBuilder();
            if (!failures.isEmpty()) {
                description.append(failures.size()).append(" of ").append(partitions.size()).append(
                        " account(s) failed; run the same command again to rerun only them, each from where it stopped:");
                failures.forEach(f -> description.append("\n- ").append(f));
            }
            if (!stillRunning.isEmpty()) {
                String why = execution.getAllFailureExceptions().stream().findFirst().map(FailureReport::message)
                        .orElse("it ended");
                description.append(description.isEmpty() ? "" : "\n").append(stillRunning.size()).append(" of ")
                        .append(partitions.size()).append(" account(s) were still running on workers when the run stopped "
                                + "waiting for them (").append(why).append("); run the same command again: it waits for "
                                + "them to end, then reruns only what did not complete: ")
                        .append(String.join(", ", stillRunning.subList(0, Math.min(10, stillRunning.size()))))
                        .append(stillRunning.size() > 10 ? ", …" : "");
                log.error("collectJob {}: {}", date, description.substring(description.lastIndexOf("\n") + 1));
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description.toString()));
        }
    }

    /**
     * A restart runs only the accounts that did not complete before (spring-batch#5158: its partitions, and so what
     * it aggregates, leave out the rest), so "0 collected in this run" may close a date that is whole: the accounts
     * this run left out whose last partition of the date completed, counted from the repository.
     */
    private long completedEarlier(JobExecution execution, List<StepExecution> partitions) {
        List<MallAccount> enabled = selected(execution);
        if (partitions.size() >= enabled.size()) {
            return 0;
        }
        Set<String> thisRun = partitions.stream().map(StepExecution::getStepName)
                .collect(Collectors.toSet());
        long earlier = 0;
        for (MallAccount account : enabled) {
            String partition = CollectJobConfiguration.ACCOUNT_STEP + ":" + AccountPartitioner.stepSuffix(account);
            if (thisRun.contains(partition)) {
                continue;
            }
            StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(), partition);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                earlier++;
            }
        }
        return earlier;
    }

    /** The enabled accounts this run is about: its {@code tenant} and {@code accounts}, every one without them. */
    private List<MallAccount> selected(JobExecution execution) {
        AccountSelection selection = AccountSelection.of(execution.getJobParameters());
        return accounts.enabled().stream().filter(selection::includes).toList();
    }

    private static AccountFailure failure(JobExecution execution, StepExecution partition) {
        String suffix = partition.getStepName().substring(CollectJobConfiguration.ACCOUNT_STEP.length() + 1);
        String account = partition.getExecutionContext().getString(AccountPartitioner.ACCOUNT, suffix);
        Optional<String[]> note = AccountFailureNote.read(partition.getExecutionContext());
        if (note.isPresent()) {
            return new AccountFailure(account, note.get()[0], note.get()[1]);
        }
        return AccountFailure.of(execution, suffix, account)
                .orElse(new AccountFailure(account, CollectJobConfiguration.ACCOUNT_STEP, AccountFailure.firstLine(partition)));
    }

    private void markStockStale(JobExecution execution, LocalDate date) {
        for (MallAccount account : selected(execution)) {
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
