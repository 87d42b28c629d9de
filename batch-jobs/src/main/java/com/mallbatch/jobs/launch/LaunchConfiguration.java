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

/** The launch use case, and every job's run written to the launch audit as it starts. */
@Configuration(proxyBeanMethods = false)
public class LaunchConfiguration {

    @Bean
    JobLaunchService jobLaunchService(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository,
                                      DataSource dataSource, JdbcLaunchAudit audit,
                                      ObjectProvider<RecoveryGuard> recoveryGuard) {
        return new JobLaunchService(jobs, jobOperator, jobRepository, dataSource, audit,
                recoveryGuard.getIfAvailable(() -> RecoveryGuard.NONE));
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
}
