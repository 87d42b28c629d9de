package com.mallbatch.scheduling;

import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import com.mallbatch.jobs.reconcile.ReconcileJobConfiguration;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reconciles each business date once its collect has run — completed or failed, so an account that did not collect
 * gets its freshness break — and again when its collect ran again ({@code recheck=N}), or, only the check that waited,
 * when a mall's report of the date was not ready ({@code recheck=N checks=orders_vs_mall_totals}). A failed reconcile
 * of a date restarts where it stopped. Every launch goes through the launch service.
 */
public final class ReconcileCatchUp {

    static final String RECHECK = "recheck";
    static final String CHECKS = "checks";
    private static final Logger log = LoggerFactory.getLogger(ReconcileCatchUp.class);
    private static final String JOB = ReconcileJobConfiguration.JOB_NAME;

    private final JobLaunchService launcher;
    private final JobRepository jobRepository;
    private final JdbcReconcileLedger ledger;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int days;

    public ReconcileCatchUp(JobLaunchService launcher, JobRepository jobRepository, JdbcReconcileLedger ledger,
                            JdbcTemplate jdbc, Clock clock, int days) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.ledger = ledger;
        this.jdbc = jdbc;
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
                launch(date, last, null, launchedBy);
            }
        }
    }

    /** Asks again, for each date of the window where a mall's report was not ready, only what waited for it. */
    public void recheckPending(String launchedBy) {
        for (LocalDate date : ledger.datesWithPendingResults(window().get(0))) {
            launch(date, lastReconcile(date), OrdersVsMallTotalsCheck.NAME, launchedBy);
        }
    }

    /** Restarts the date's last run when it failed; else starts the next one ({@code recheck=N}), of {@code checks}. */
    private void launch(LocalDate date, JobExecution last, String checks, String launchedBy) {
        JobParameters parameters;
        if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
            parameters = identifying(last.getJobParameters());
        } else if (last == null) {
            parameters = first(date);
        } else {
            JobParametersBuilder next = new JobParametersBuilder(first(date)).addLong(RECHECK, nextRecheck(date));
            if (checks != null) {
                next.addString(CHECKS, checks);
            }
            parameters = next.toJobParameters();
        }
        try {
            JobExecution execution = launcher.launch(JOB, parameters, launchedBy);
            log.info("Scheduled {} {} ended {}", JOB, JobLaunchService.describe(parameters), execution.getStatus());
        } catch (LaunchRefusedException e) {
            log.warn("Scheduled {} for {} did not start: {}", JOB, date, e.getMessage());
        }
    }

    /** The newest reconcile run of the date, whichever re-check it was. */
    private JobExecution lastReconcile(LocalDate date) {
        Long id = jdbc.queryForObject("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?", Long.class, JOB,
                BusinessDate.PARAMETER, date.toString());
        return id == null ? null : jobRepository.getJobExecution(id);
    }

    private long nextRecheck(LocalDate date) {
        Long highest = jdbc.queryForObject("SELECT MAX(CAST(r.PARAMETER_VALUE AS UNSIGNED)) FROM BATCH_JOB_EXECUTION_PARAMS r "
                + "JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = r.JOB_EXECUTION_ID "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE i.JOB_NAME = ? AND r.PARAMETER_NAME = ? AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?",
                Long.class, JOB, RECHECK, BusinessDate.PARAMETER, date.toString());
        return highest == null ? 2 : highest + 1;
    }

    private List<LocalDate> window() {
        LocalDate yesterday = LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1);
        return yesterday.minusDays(days - 1L).datesUntil(yesterday.plusDays(1)).toList();
    }

    private static JobParameters first(LocalDate date) {
        return new JobParametersBuilder().addString(BusinessDate.PARAMETER, date.toString()).toJobParameters();
    }

    private static JobParameters identifying(JobParameters parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.getIdentifyingParameters().forEach(builder::addJobParameter);
        return builder.toJobParameters();
    }
}
