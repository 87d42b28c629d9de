package com.mallbatch.scheduling;

import com.mallbatch.jobs.MallbatchJobs;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief's bar: two application instances with the same schedule, on one database — each run fires once. */
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesFireOnceTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({MallbatchJobs.class, SchedulingConfiguration.class})
    static class Instance {
    }

    @Test
    void twoInstancesTriggeredAtTheSameMomentRunTheNightlyCollectOnce(CapturedOutput output) throws Exception {
        try (ThrowawaySchema schema = ThrowawaySchema.create("sched")) {
            String key = CredentialCipher.newKey();
            try (ConfigurableApplicationContext first = start(schema, key);
                 ConfigurableApplicationContext second = start(schema, key)) {
                CountDownLatch midnight = new CountDownLatch(1);
                List<CompletableFuture<Void>> triggers = List.of(first, second).stream()
                        .map(instance -> CompletableFuture.runAsync(() -> {
                            await(midnight);
                            instance.getBean(DailyCollectSchedule.class).collectYesterday();
                        })).toList();
                midnight.countDown();
                CompletableFuture.allOf(triggers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                assertThat(output.getAll().lines().filter(l -> l.contains("Scheduled collectJob for")).count())
                        .as("the scheduled method ran in one instance only").isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'collectJob' "
                        + "AND lock_until > CURRENT_TIMESTAMP(3)", Integer.class)).as("held for lockAtLeastFor").isEqualTo(1);
            }
        }
    }

    private static ConfigurableApplicationContext start(ThrowawaySchema schema, String key) {
        return new SpringApplicationBuilder(Instance.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + schema.jdbcUrl(), "spring.datasource.username=" + schema.user(),
                        "spring.datasource.password=" + schema.password(), "spring.batch.job.enabled=false",
                        "spring.main.banner-mode=off", "mallbatch.secret-key=" + key,
                        "mallbatch.schedule.collect-cron=-") // no timer: the test pulls the trigger itself
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
