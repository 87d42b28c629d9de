package com.mallbatch.jobs.launch;

import com.mallbatch.writers.mysql.JdbcLaunchAudit;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/** Writes each run to {@code job_launches} as it starts: who launched it, the parameters, the execution's id. */
final class LaunchAuditListener implements JobExecutionListener {

    private final JdbcLaunchAudit audit;
    private final JobRepository jobRepository;

    LaunchAuditListener(JdbcLaunchAudit audit, JobRepository jobRepository) {
        this.audit = audit;
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        String launchedBy = execution.getJobParameters().getString(JobLaunchService.LAUNCHED_BY);
        boolean restart = jobRepository.getJobExecutions(execution.getJobInstance()).size() > 1;
        audit.record(launchedBy == null ? "direct" : launchedBy, execution.getJobInstance().getJobName(),
                JobLaunchService.describe(execution.getJobParameters()), execution.getId(), restart ? "restarted" : "started");
    }
}
