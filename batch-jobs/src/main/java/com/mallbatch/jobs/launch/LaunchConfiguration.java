package com.mallbatch.jobs.launch;

import com.mallbatch.writers.mysql.JdbcLaunchAudit;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/**
 * The launch use case, stop and abandon, every job's run written to the launch audit as it starts, and the whole text of
 * every step that ends without completing kept beside Batch's cut one.
 */
@Configuration(proxyBeanMethods = false)
public class LaunchConfiguration {

    @Bean
    JobLaunchService jobLaunchService(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository,
                                      DataSource dataSource, JdbcLaunchAudit audit,
                                      ObjectProvider<RecoveryGuard> recoveryGuard) {
        return new JobLaunchService(jobs, jobOperator, jobRepository, dataSource, audit,
                recoveryGuard.getIfAvailable(() -> RecoveryGuard.NONE));
    }

    /** Stop and abandon; written down by the admin web's audit when the app has one, else in the log. */
    @Bean
    RunControl runControl(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<RunControl.Audit> audit) {
        return new RunControl(jobOperator, jobRepository, audit.getIfAvailable(() -> RunControl.Audit.LOG));
    }

    @Bean
    static BeanPostProcessor launchAuditOnEveryJob(ObjectProvider<JdbcLaunchAudit> audit,
                                                   ObjectProvider<JobRepository> jobRepository) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(new LaunchAuditListener(audit.getObject(), jobRepository.getObject()));
                }
                return bean;
            }
        };
    }

    /** Wraps the job repository, which every step saves itself through, so a failed step's whole text is kept. */
    @Bean
    static BeanPostProcessor keepStepFailuresOfEveryStep(ObjectProvider<DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JobRepository repository
                        ? KeepStepFailures.around(repository, new StepFailures(dataSource.getObject())) : bean;
            }
        };
    }
}
