package com.mallbatch.scheduling;

import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.reconcile.ReconcileProperties;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * Cron triggers for the daily jobs, on while the app serves (off when it runs a single job or command). Every instance
 * has the same schedule; ShedLock lets one of them fire, judging lock times by the database's clock so skewed nodes
 * cannot both win, and keeps the lock alive while a run lasts longer than {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConditionalOnProperty(name = "mallbatch.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        JdbcTemplateLockProvider database = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName("shedlock")
                .usingDbTime()
                .build());
        return new KeepAliveLockProvider(database, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "shedlock-keep-alive");
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Bean
    CollectCatchUp collectCatchUp(JobLaunchService launcher, JobRepository jobRepository, JdbcTemplate jdbc, Clock clock,
                                  @Value(ScheduleCatalog.CATCH_UP_DAYS) int catchUpDays) {
        return new CollectCatchUp(launcher, jobRepository, jdbc, clock, catchUpDays);
    }

    @Bean
    ReconcileCatchUp reconcileCatchUp(JobLaunchService launcher, JobRepository jobRepository, JdbcReconcileLedger ledger,
                                      JdbcTemplate jdbc, Clock clock, ReconcileProperties properties) {
        return new ReconcileCatchUp(launcher, jobRepository, ledger, jdbc, clock, properties.recheckDays());
    }

    @Bean
    CollectSchedule collectSchedule(CollectCatchUp catchUp, ReconcileCatchUp reconcile) {
        return new CollectSchedule(catchUp, reconcile);
    }
}
