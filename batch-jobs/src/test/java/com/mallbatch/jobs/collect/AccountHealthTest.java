package com.mallbatch.jobs.collect;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.commands.ResumeAccountCommand;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.webhook.WebhookReceiver;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that keeps failing: one alert when its streak reaches mallbatch.health.alert-after, paused (with an
 * alert saying how to resume) at pause-after, skipped afterwards while the others go on, back after the resume
 * command. The webhook receiver gets exactly those messages, and none carries a secret.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.health.alert-after=2",
        "mallbatch.health.pause-after=3",
        "mallbatch.alerts.spacing=0s"})
class AccountHealthTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(40, 2, 5, 8), "health");
    private static int runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
        registry.add("mallbatch.alerts.tenant-webhooks.acme", () -> world.sandbox.webhookUrl("acme"));
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    AccountHealthStore health;
    @Autowired
    ResumeAccountCommand resume;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void aFailingAccountAlertsOnceThenIsPausedSkippedAndResumedWhileTheOthersGoOn() throws Exception {
        Map<String, Long> ids = world.registerAccounts(accounts);
        Cafe24Mall broken = world.sandbox.cafe24().mall("sandbox02");
        register("sandbox02", "a-wrong-secret", broken.currentRefreshToken());
        WebhookReceiver hooks = world.sandbox.webhooks();
        hooks.clear();

        for (int night = 1; night <= 3; night++) {
            JobExecution run = run();
            assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(run.getExitStatus().getExitDescription()).contains("1 of 3 account(s) failed")
                    .contains("acme/CAFE24/sandbox02 failed in collectCategories").contains("client id or secret");
        }
        AccountHealth paused = health.get(ids.get("sandbox02"));
        assertThat(paused.paused()).isTrue();
        assertThat(paused.consecutiveFailures()).isEqualTo(3);
        assertThat(paused.lastFailureStage()).isEqualTo("collectCategories");
        assertThat(health.get(ids.get("sandbox01")).lastSuccessDate()).isEqualTo(BUSINESS_DATE);

        JobExecution skipping = run();
        assertThat(skipping.getStatus()).as("the paused account is left out; the others complete").isEqualTo(BatchStatus.COMPLETED);
        assertThat(skipping.getStepExecutions()).extracting(s -> s.getStepName())
                .noneMatch(name -> name.endsWith("sandbox02")).anyMatch(name -> name.endsWith("sandbox01"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE account_id = ? AND stale", Integer.class,
                ids.get("sandbox02"))).as("never collected: nothing to keep, nothing invented").isZero();

        List<WebhookReceiver.Message> messages = hooks.received("acme");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).body()).contains("acme/CAFE24/sandbox02 failed 2 runs in a row")
                .contains("collectCategories").contains("Failed runs in a row");
        assertThat(messages.get(1).body()).contains("Paused: acme/CAFE24/sandbox02 failed 3 runs in a row")
                .contains("--mallbatch.command=resume-account account=acme/CAFE24/sandbox02");
        for (WebhookReceiver.Message message : messages) {
            for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
                assertThat(message.body()).as("no secret in an alert").doesNotContain(mall.clientSecret())
                        .doesNotContain(mall.currentRefreshToken()).doesNotContain("a-wrong-secret");
            }
        }

        register("sandbox02", broken.clientSecret(), broken.currentRefreshToken());
        resume.run(Map.of("account", "acme/CAFE24/sandbox02", "by", "test"));
        assertThat(health.get(ids.get("sandbox02"))).satisfies(h -> {
            assertThat(h.paused()).isFalse();
            assertThat(h.consecutiveFailures()).isZero();
        });
        assertThat(run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(health.get(ids.get("sandbox02")).lastSuccessDate()).isEqualTo(BUSINESS_DATE);
        assertThat(hooks.received("acme")).as("a success sends nothing").hasSize(2);
    }

    private void register(String mallId, String secret, String refreshToken) {
        accounts.register(new JdbcMallAccounts.Registration("acme", "에이크미 상사", Platform.CAFE24, mallId,
                world.sandbox.cafe24BaseUrl(mallId), new RateBudget(400, 40), null, true,
                new MallCredentials(world.sandbox.cafe24().mall(mallId).clientId(), secret, refreshToken, null, null)));
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(collectJob, new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                .addLong("night", (long) runs++).toJobParameters());
    }
}
