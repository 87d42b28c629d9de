package com.mallbatch.jobs.launch;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * What an operator needs besides launching: stop and abandon a run, and the whole text of every step that ends
 * without completing, kept beside Spring Batch's cut one.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorConfiguration {

    /** Stop and abandon; written down by the admin web's audit when the app has one, else in the log. */
    @Bean
    RunControl runControl(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<RunControl.Audit> audit) {
        return new RunControl(jobOperator, jobRepository, audit.getIfAvailable(() -> RunControl.Audit.LOG));
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
