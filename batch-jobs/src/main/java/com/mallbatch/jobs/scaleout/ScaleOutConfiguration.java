package com.mallbatch.jobs.scaleout;

import com.mallbatch.readers.ratelimit.SharedRateLimits;
import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreading collectJob over processes: this process's name, the claims and heartbeats, budgets shared across
 * processes, and — by {@code mallbatch.collect.mode} — the manager's or the worker's side of remote partitioning.
 * In the default local mode only the name and the in-process budgets exist, and nothing needs a broker or Redis.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemoteCollectProperties.class)
@Import({ManagerConfiguration.class, WorkerConfiguration.class})
public class ScaleOutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutConfiguration.class);

    @Bean
    WorkerIdentity workerIdentity(RemoteCollectProperties properties) {
        return WorkerIdentity.of(properties.workerName());
    }

    @Bean
    JdbcPartitionClaims partitionClaims(JdbcTemplate jdbc) {
        return new JdbcPartitionClaims(jdbc);
    }

    /**
     * In every mode: a dead execution is recovered only once its partitions on live workers ended, also when a
     * single process (the scheduler, a command) reruns a date a manager left.
     */
    @Bean
    LiveWorkBeforeRecovery liveWorkBeforeRecovery(JdbcPartitionClaims claims, RemoteCollectProperties properties) {
        return new LiveWorkBeforeRecovery(claims, properties.heartbeatTimeout(), properties.pollInterval(),
                properties.timeout());
    }

    /** Redis when {@code mallbatch.rate-limits.redis-url} is set (e.g. {@code redis://127.0.0.1:6379}), else in-process. */
    @Bean
    SharedRateLimits sharedRateLimits(@Value("${mallbatch.rate-limits.redis-url:}") String redisUrl,
                                      @Value("${" + CollectMode.PROPERTY + ":local}") String mode) {
        if (!redisUrl.isBlank()) {
            return new RedisRateLimits(redisUrl);
        }
        if (mode.equalsIgnoreCase("worker")) { // a manager runs no partition: it draws on no budget
            log.warn("No mallbatch.rate-limits.redis-url: budgets that span accounts hold per process, so each worker "
                    + "keeps the whole of them");
        }
        return new InProcessRateLimits();
    }
}
