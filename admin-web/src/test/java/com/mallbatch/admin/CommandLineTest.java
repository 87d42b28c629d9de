package com.mallbatch.admin;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's one-shot modes as ops type them: a command exits 0 when done and 2, with one line, when refused; a job
 * gets the parameters it was given and, unless it is a daily job, nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {

    static ThrowawaySchema schema;
    static final String KEY = CredentialCipher.newKey();

    @BeforeAll
    static void create() {
        schema = ThrowawaySchema.create("cli");
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void resumeAccountUnpausesTheAccountAndAnUnknownAccountIsRefused() {
        long id;
        try (ConfigurableApplicationContext app = run("--mallbatch.command=resume-account", "account=nobody/CAFE24/none")) {
            id = app.getBean(JdbcMallAccounts.class).register(new JdbcMallAccounts.Registration("acme", "에이크미",
                    Platform.CAFE24, "acmeshop", null, RateBudget.CAFE24_DEFAULT, null, true,
                    new MallCredentials("cid", "secret", "rt", null, null)));
            app.getBean(AccountHealthStore.class).pause(id, "7 failed runs in a row", LocalDateTime.now());
            assertThat(SpringApplication.exit(app)).as("refused: no such account").isEqualTo(2);
        }
        try (ConfigurableApplicationContext app = run("--mallbatch.command=resume-account", "account=acme/CAFE24/acmeshop")) {
            assertThat(app.getBean(AccountHealthStore.class).get(id).paused()).isFalse();
            assertThat(SpringApplication.exit(app)).isZero();
        }
    }

    @Test
    void aSettlementRunIsNamedByItsPeriodAloneAndGetsNoBusinessDate() {
        try (ConfigurableApplicationContext app = run("--spring.batch.job.name=settlementJob", "period=2026-10")) {
            assertThat(app.getBean(JdbcTemplate.class).queryForList("SELECT p.PARAMETER_NAME FROM BATCH_JOB_EXECUTION_PARAMS p "
                    + "JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i "
                    + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'settlementJob' AND p.IDENTIFYING = 'Y'", String.class))
                    .containsExactly("period");
            assertThat(SpringApplication.exit(app)).isZero();
        }
        try (ConfigurableApplicationContext app = run("--spring.batch.job.name=settlementJob", "period=2026-10")) {
            assertThat(SpringApplication.exit(app)).as("the same period again is refused, today as tomorrow").isEqualTo(2);
        }
    }

    @Test
    void aJobWithoutItsParameterIsRefusedWithOneLine(CapturedOutput output) {
        try (ConfigurableApplicationContext app = run("--spring.batch.job.name=settlementJob")) {
            assertThat(SpringApplication.exit(app)).isEqualTo(2);
            assertThat(output).contains("the parameter 'period' is required: a month like period=2026-10");
        }
    }

    @Test
    void aReconcileOfChecksItDoesNotKnowOrWithACommaIsRefusedWithOneLine(CapturedOutput output) {
        try (ConfigurableApplicationContext app = run("--spring.batch.job.name=reconcileJob", "businessDate=2026-11-20",
                "checks=freshness+stok_vs_master")) {
            assertThat(SpringApplication.exit(app)).isEqualTo(2);
            assertThat(output).contains("reconcileJob: checks names 'stok_vs_master'; the checks are [freshness, "
                    + "stock_vs_master, orders_vs_mall_totals, volume_anomaly, crawl_reverification, layout_drift]");
        }
        try (ConfigurableApplicationContext app = run("--spring.batch.job.name=reconcileJob", "businessDate=2026-11-20",
                "checks=freshness,stock_vs_master")) {
            assertThat(SpringApplication.exit(app)).isEqualTo(2);
            assertThat(output).contains("reconcileJob: the parameters [businessDate=2026-11-20, "
                    + "checks=freshness,stock_vs_master] cannot be read").contains("no comma in a value");
        }
    }

    @Test
    void confirmingIsRefusedWithoutAPersonOrAMonth(CapturedOutput output) {
        try (ConfigurableApplicationContext app = run("--mallbatch.command=confirm-settlement", "account=acme/CAFE24/acmeshop",
                "period=2026-10")) {
            assertThat(SpringApplication.exit(app)).as("by= is required").isEqualTo(2);
            assertThat(output).contains("confirm-settlement: say by=… (the name of the person who reviewed the draft)");
        }
        try (ConfigurableApplicationContext app = run("--mallbatch.command=confirm-settlement", "account=acme/CAFE24/acmeshop",
                "period=Oct", "by=kim")) {
            assertThat(SpringApplication.exit(app)).as("not a month").isEqualTo(2);
            assertThat(output).contains("confirm-settlement: period must be a month like 2026-10, got 'Oct'");
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--spring.datasource.url=" + schema.jdbcUrl();
        all[1] = "--spring.datasource.username=" + schema.user();
        all[2] = "--spring.datasource.password=" + schema.password();
        all[3] = "--mallbatch.secret-key=" + KEY;
        System.arraycopy(args, 0, all, 4, args.length);
        return MallbatchApplication.run(all);
    }
}
