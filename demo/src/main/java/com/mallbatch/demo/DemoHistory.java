package com.mallbatch.demo;

import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.sandbox.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What {@code --serve} adds to the night's runs so there is something to click through: a collect that failed because
 * one sandbox mall was down and was restarted once the mall came back, a second such failure left for the visitor to
 * restart, and the drafts of the month's settlement for finance to review and confirm. All of it through the launch
 * service, as the scheduler and the admin web launch, recorded as launched by {@value #WHO}.
 */
final class DemoHistory {

    static final String WHO = "demo";
    /** The sandbox mall that goes down; its products answer 503 while the outage lasts. */
    static final String DOWN_MALL_PATH = "/cafe24/sandbox02/api/v2/admin/products";

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private DemoHistory() {
    }

    /** {@code yesterday} is the night the demo just ran; the history lies on the two nights before it. */
    static void prepare(ApplicationContext app, Faults faults, LocalDate yesterday, Path rulesFolder) throws IOException {
        JobLaunchService launches = app.getBean(JobLaunchService.class);
        LocalDate restartedNight = yesterday.minusDays(2);
        LocalDate failedNight = yesterday.minusDays(1);
        if (app.getBean(JobRepository.class).getJobInstance("collectJob", night(restartedNight)) != null) {
            log.info("The admin web's demo history is already in this database (kept data); nothing added");
            return;
        }
        log.info("Preparing the admin web's demo history: collects of {} and {} with one mall down, the first restarted",
                restartedNight, failedNight);

        JobParameters restarted = night(restartedNight);
        faults.outage(DOWN_MALL_PATH);
        JobExecution failedFirst = launches.launch("collectJob", restarted, WHO);
        faults.outage(null);
        JobExecution restart = launches.launch("collectJob", restarted, WHO);
        log.info("collectJob {}: {} while the mall was down, {} once restarted", restartedNight,
                failedFirst.getStatus(), restart.getStatus());

        faults.outage(DOWN_MALL_PATH);
        JobExecution failed = launches.launch("collectJob", night(failedNight), WHO);
        faults.outage(null);
        log.info("collectJob {}: {}; the mall is back, so 'Restart failed accounts' on that run will complete it",
                failedNight, failed.getStatus());

        if (!DemoRules.importInto(launches, rulesFolder)) {
            log.warn("The demo's commission and shipping-fee rules were not imported; no settlement drafts to review");
            return;
        }
        String period = YearMonth.from(yesterday).toString();
        JobExecution settled = launches.launch("settlementJob", new JobParametersBuilder()
                .addString("period", period).toJobParameters(), WHO);
        log.info("settlementJob {}: {}{}", period, settled.getStatus(),
                settled.getStatus() == BatchStatus.COMPLETED ? "; its drafts wait for finance to confirm them" : "");
        if (settled.getStatus() != BatchStatus.COMPLETED) {
            FailureReport.lines(settled).forEach(log::warn);
        }
    }

    private static JobParameters night(LocalDate businessDate) {
        return new JobParametersBuilder().addString("businessDate", businessDate.toString()).toJobParameters();
    }
}
