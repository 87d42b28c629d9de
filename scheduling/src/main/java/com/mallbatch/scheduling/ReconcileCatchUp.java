package com.mallbatch.scheduling;

import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import com.mallbatch.jobs.reconcile.ReconcileJobConfiguration;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reconciles each business date once its collect has run — completed or failed, so an account that did not collect
 * gets its freshness break — and again when its collect ran again, or when a mall's report of the date was not ready
 * (a re-check, {@code recheck=N}). A failed reconcile of a date restarts where it stopped. Every launch goes through
 * the launch service.
 */
public final class ReconcileCatchUp {

    static final String RECHECK = "recheck";
    private static final Logger log = LoggerFactory.getLogger(ReconcileCatchUp.class);
    private static final String JOB = ReconcileJobConfiguration.JOB_NAME;

    private final JobLaunchService launcher;
    private final JobRepository jobRepository;
    private final JdbcReconcileLedger ledger;
    private final Clock clock;
    private final int days;

    public ReconcileCatchUp(JobLaunchService launcher, JobRepository jobRepository, JdbcReconcileLedger ledger,
                            Clock clock, int days) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.ledger = ledger;
        this.clock = clock;
        this.days = days;
    }

    /**
     * Reconciles the dates whose collect just ran, and any date of the window whose collect has run but whose reconcile
     * never completed.
     */
    public void afterCollect(List<LocalDate> collectedNow, String launchedBy) {
        for (LocalDate date : window()) {
            JobExecution collect = jobRepository.getLastJobExecution(CollectJobConfiguration.JOB_NAME, first(date));
            if (collect == null || collect.isRunning()) {
                continue;
            }
            JobExecution last = lastReconcile(date);
            if (collectedNow.contains(date) || last == null || last.getStatus() != BatchStatus.COMPLETED) {
                launch(date, last, launchedBy);
            }
        }
    }

    /** Reconciles again each date of the window where a mall's report was not ready. */
    public void recheckPending(String launchedBy) {
        for (LocalDate date : ledger.datesWithPendingResults(window().get(0))) {
            launch(date, lastReconcile(date), launchedBy);
        }
    }

    private void launch(LocalDate date, JobExecution last, String launchedBy) {
        JobParameters parameters = last == null ? first(date)
                : last.getStatus() == BatchStatus.COMPLETED ? next(date, last) : last.getJobParameters();
        try {
            JobExecution execution = launcher.launch(JOB, identifying(parameters), launchedBy);
            log.info("Scheduled {} for {} ended {}", JOB, date, execution.getStatus());
        } catch (LaunchRefusedException e) {
            log.warn("Scheduled {} for {} did not start: {}", JOB, date, e.getMessage());
        }
    }

    /** The newest reconcile of the date, whichever re-check it was. */
    private JobExecution lastReconcile(LocalDate date) {
        JobExecution last = null;
        for (long n = 1; ; n++) {
            JobExecution execution = jobRepository.getLastJobExecution(JOB, n == 1 ? first(date) : recheck(date, n));
            if (execution == null) {
                return last;
            }
            last = execution;
        }
    }

    private List<LocalDate> window() {
        LocalDate yesterday = LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1);
        return yesterday.minusDays(days - 1L).datesUntil(yesterday.plusDays(1)).toList();
    }

    private static JobParameters next(LocalDate date, JobExecution last) {
        Long n = last.getJobParameters().getLong(RECHECK);
        return recheck(date, (n == null ? 1 : n) + 1);
    }

    private static JobParameters first(LocalDate date) {
        return new JobParametersBuilder().addString(BusinessDate.PARAMETER, date.toString()).toJobParameters();
    }

    private static JobParameters recheck(LocalDate date, long n) {
        return new JobParametersBuilder(first(date)).addLong(RECHECK, n).toJobParameters();
    }

    private static JobParameters identifying(JobParameters parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.getIdentifyingParameters().forEach(builder::addJobParameter);
        return builder.toJobParameters();
    }
}
