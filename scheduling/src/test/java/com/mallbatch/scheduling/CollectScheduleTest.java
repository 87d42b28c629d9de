package com.mallbatch.scheduling;

import com.mallbatch.jobs.MallbatchJobs;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule on one database shared by two application instances: each slot fires once (ShedLock on the database
 * clock), an instance that starts after missed nights catches them up, oldest first, once, and each collected date is
 * reconciled once; a date whose mall report was not ready is reconciled again by the morning re-check.
 */
class CollectScheduleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({MallbatchJobs.class, SchedulingConfiguration.class})
    static class Instance {
        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(TODAY.atTime(9, 0).atZone(SEOUL).toInstant(), SEOUL);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void twoInstancesTriggeredAtTheSameMomentRunTheNightlyCollectOnce(CapturedOutput output) throws Exception {
        try (ThrowawaySchema schema = ThrowawaySchema.create("sched")) {
            String key = CredentialCipher.newKey();
            try (ConfigurableApplicationContext first = start(schema, key);
                 ConfigurableApplicationContext second = start(schema, key)) {
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                // the start-up catch-up held the lock for a minute; this test pulls the cron trigger now
                jdbc.update("UPDATE shedlock SET lock_until = TIMESTAMP('2000-01-01')");
                CountDownLatch midnight = new CountDownLatch(1);
                List<CompletableFuture<Void>> triggers = List.of(first, second).stream()
                        .map(instance -> CompletableFuture.runAsync(() -> {
                            await(midnight);
                            instance.getBean(CollectSchedule.class).onTick();
                        })).toList();
                midnight.countDown();
                CompletableFuture.allOf(triggers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

                assertThat(output.getAll().lines().filter(l -> l.contains("every business date")).count())
                        .as("the tick ran in one instance only").isEqualTo(1);
                assertThat(jdbc.queryForList("SELECT i.JOB_NAME FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                        + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID ORDER BY e.JOB_EXECUTION_ID", String.class))
                        .as("yesterday collected and reconciled once, by the start-up catch-up; the tick found nothing "
                                + "missed").containsExactly("collectJob", "reconcileJob");
                assertThat(jdbc.queryForList("SELECT launched_by FROM job_launches WHERE job_execution_id IS NOT NULL",
                        String.class)).containsExactly("schedule", "schedule");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'collectJob' "
                        + "AND lock_until > CURRENT_TIMESTAMP(3)", Integer.class)).as("held for lockAtLeastFor").isEqualTo(1);
            }
        }
    }

    @Test
    void anInstanceStartedAfterMissedNightsCatchesThemUpOldestFirstAndASecondOneRunsNoneTwice() throws Exception {
        try (ThrowawaySchema schema = ThrowawaySchema.create("catchup")) {
            String key = CredentialCipher.newKey();
            try (ConfigurableApplicationContext earlier = start(schema, key, "mallbatch.scheduling.enabled=false")) {
                assertThat(earlier.getBean(JobLaunchService.class).launch("collectJob", new JobParametersBuilder()
                        .addString("businessDate", TODAY.minusDays(4).toString()).toJobParameters(), "cli")
                        .getStatus()).isEqualTo(BatchStatus.COMPLETED);
            }

            CountDownLatch together = new CountDownLatch(1);
            List<CompletableFuture<ConfigurableApplicationContext>> instances = List.of(1, 2).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return start(schema, key);
                    })).toList();
            together.countDown();
            CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
            try (ConfigurableApplicationContext first = instances.get(0).get();
                 ConfigurableApplicationContext second = instances.get(1).get()) {
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                assertThat(runs(jdbc, "collectJob")).as("the last completed collect was four days back: the three "
                                + "missed dates, oldest first")
                        .containsExactly(TODAY.minusDays(4) + " COMPLETED", TODAY.minusDays(3) + " COMPLETED",
                                TODAY.minusDays(2) + " COMPLETED", TODAY.minusDays(1) + " COMPLETED");
                assertThat(runs(jdbc, "reconcileJob")).as("each collected date reconciled once, the one collected "
                                + "before the instances started too")
                        .containsExactlyInAnyOrder(TODAY.minusDays(4) + " COMPLETED", TODAY.minusDays(3) + " COMPLETED",
                                TODAY.minusDays(2) + " COMPLETED", TODAY.minusDays(1) + " COMPLETED");
                assertThat(first.getBean(CollectCatchUp.class).missedDates()).isEmpty();

                // a mall's report of a date was not ready: the morning re-check reconciles that date again
                jdbc.update("INSERT INTO reconcile_results (business_date, account_id, check_name, subject, unit, thresholds, "
                        + "verdict, job_execution_id) VALUES (?, 1, 'orders_vs_mall_totals', 'report', 'won', '-', 'PENDING', 1)",
                        TODAY.minusDays(2));
                jdbc.update("UPDATE shedlock SET lock_until = TIMESTAMP('2000-01-01')");
                second.getBean(CollectSchedule.class).onRecheckTick();
                assertThat(jdbc.queryForList("SELECT CONCAT(p.PARAMETER_VALUE, ' ', c.PARAMETER_VALUE, ' ', e.STATUS) "
                        + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = "
                        + "e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'recheck' JOIN BATCH_JOB_EXECUTION_PARAMS c "
                        + "ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND c.PARAMETER_NAME = 'checks'", String.class))
                        .as("only the check that waited for the report").containsExactly("2 orders_vs_mall_totals COMPLETED");
            }
        }
    }

    /** The date and status of each run of the job, in the order they ran. */
    private static List<String> runs(JdbcTemplate jdbc, String job) {
        return jdbc.queryForList("SELECT CONCAT(p.PARAMETER_VALUE, ' ', e.STATUS) FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID", String.class, job);
    }

    private static ConfigurableApplicationContext start(ThrowawaySchema schema, String key, String... more) {
        return new SpringApplicationBuilder(Instance.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + schema.jdbcUrl(), "spring.datasource.username=" + schema.user(),
                        "spring.datasource.password=" + schema.password(), "spring.batch.job.enabled=false",
                        "spring.main.banner-mode=off", "mallbatch.secret-key=" + key,
                        "mallbatch.schedule.collect-cron=-", // no timers: the test pulls the triggers itself
                        "mallbatch.schedule.reconcile-recheck-cron=-")
                .properties(more)
                .run();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
