package com.mallbatch.scheduling;

import com.mallbatch.jobs.support.BusinessDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Collects yesterday (Asia/Seoul) every night. Launching with the same businessDate restarts that day's run if it
 * failed, and is refused if it already completed, so a second trigger never duplicates work.
 */
public class DailyCollectSchedule {

    private static final Logger log = LoggerFactory.getLogger(DailyCollectSchedule.class);

    private final JobOperator jobOperator;
    private final Job collectJob;

    DailyCollectSchedule(JobOperator jobOperator, @Qualifier("collectJob") Job collectJob) {
        this.jobOperator = jobOperator;
        this.collectJob = collectJob;
    }

    @Scheduled(cron = "${mallbatch.schedule.collect-cron:0 30 2 * * *}", zone = "Asia/Seoul")
    @SchedulerLock(name = "collectJob", lockAtLeastFor = "PT1M", lockAtMostFor = "PT6H")
    public void collectYesterday() {
        JobParameters parameters = new JobParametersBuilder()
                .addString(BusinessDate.PARAMETER, BusinessDate.yesterday().toString())
                .toJobParameters();
        try {
            JobExecution execution = jobOperator.start(collectJob, parameters);
            log.info("Scheduled collectJob for {} ended {}", parameters, execution.getStatus());
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("Scheduled collectJob for {} already completed; nothing to do", parameters);
        } catch (Exception e) {
            log.error("Scheduled collectJob for {} could not start", parameters, e);
        }
    }
}
