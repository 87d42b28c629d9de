package com.mallbatch.scheduling;

import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import com.mallbatch.jobs.support.BusinessDate;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The nightly collect, catching up: every business date of the last {@code catchUpDays} whose collect never
 * COMPLETED — missed because the app was down, or FAILED — is launched, oldest first, through the launch service: a
 * failed date restarts where it stopped, a completed one is never redone. Spring Batch's own metadata is the record of
 * what ran. Dates before the first collect this database ever saw are not "missed": a new installation starts with
 * yesterday.
 */
public final class CollectCatchUp {

    private static final Logger log = LoggerFactory.getLogger(CollectCatchUp.class);
    private static final String JOB = CollectJobConfiguration.JOB_NAME;

    private final JobLaunchService launcher;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int catchUpDays;

    public CollectCatchUp(JobLaunchService launcher, JobRepository jobRepository, JdbcTemplate jdbc, Clock clock,
                          int catchUpDays) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catchUpDays = catchUpDays;
    }

    /** Runs each missed date, oldest first; returns the dates it launched. */
    public List<LocalDate> run(String launchedBy) {
        List<LocalDate> missed = missedDates();
        if (missed.isEmpty()) {
            log.info("{}: every business date of the last {} day(s) is collected", JOB, catchUpDays);
        }
        for (LocalDate date : missed) {
            try {
                JobExecution execution = launcher.launch(JOB, parameters(date), launchedBy);
                log.info("Scheduled {} for {} ended {}", JOB, date, execution.getStatus());
            } catch (LaunchRefusedException e) {
                log.warn("Scheduled {} for {} did not start: {}", JOB, date, e.getMessage());
            }
        }
        return missed;
    }

    /** Yesterday and the days before it, back to {@code catchUpDays}, whose collect has not completed. */
    public List<LocalDate> missedDates() {
        LocalDate yesterday = LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1);
        LocalDate from = yesterday.minusDays(catchUpDays - 1L);
        LocalDate firstEver = firstCollectedDate();
        if (firstEver == null || firstEver.isAfter(from)) {
            from = firstEver == null || firstEver.isAfter(yesterday) ? yesterday : firstEver;
        }
        List<LocalDate> missed = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(yesterday); date = date.plusDays(1)) {
            JobExecution last = jobRepository.getLastJobExecution(JOB, parameters(date));
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                missed.add(date);
            }
        }
        return missed;
    }

    private LocalDate firstCollectedDate() {
        String first = jdbc.queryForObject("SELECT MIN(p.PARAMETER_VALUE) FROM BATCH_JOB_INSTANCE i "
                + "JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ?", String.class, JOB, BusinessDate.PARAMETER);
        return first == null ? null : LocalDate.parse(first);
    }

    private static JobParameters parameters(LocalDate date) {
        return new JobParametersBuilder().addString(BusinessDate.PARAMETER, date.toString()).toJobParameters();
    }
}
