package com.mallbatch.admin;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
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
import org.springframework.context.ConfigurableApplicationContext;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --mallbatch.command=backfill} as ops type it: a request with anything wrong exits 2 with every problem on one
 * line, and starts nothing (the runs themselves are BackfillInTheAppTest's, through the same use case).
 */
@ExtendWith(OutputCaptureExtension.class)
class BackfillCommandTest {

    static final String KEY = CredentialCipher.newKey();
    static ThrowawaySchema schema;

    @BeforeAll
    static void anAccount() {
        schema = ThrowawaySchema.create("backfillcli");
        try (ConfigurableApplicationContext app = MallbatchApplication.run("--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
                "--mallbatch.secret-key=" + KEY, "--mallbatch.command=resume-account", "account=none/CAFE24/none")) {
            app.getBean(JdbcMallAccounts.class).register(new JdbcMallAccounts.Registration("acme", "에이크미",
                    Platform.CAFE24, "acmeshop", null, RateBudget.CAFE24_DEFAULT, null, true,
                    new MallCredentials("cid", "secret", "rt", null, null)));
        }
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void aBadRequestIsRefusedWholeOnOneLineAndStartsNothing(CapturedOutput output) {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        AppRun run = AppRun.execute(output, schema, KEY, "--mallbatch.command=backfill", "job=collectJob",
                "from=2026-11-20", "to=2026-11-10", "tenant=beta", "accounts=acme/CAFE24/acmeshop", "concurrency=9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement().asString().contains("backfill: refused, nothing started: ")
                .contains("the last date 2026-11-10 is before the first 2026-11-20")
                .contains("at a time must be between 1 and 4, got 9")
                .contains("tenant 'beta' has no enabled account")
                .contains("account 'acme/CAFE24/acmeshop' belongs to tenant 'acme', not 'beta'");
        assertThat(run.printedStackTrace()).isFalse();

        AppRun future = AppRun.execute(output, schema, KEY, "--mallbatch.command=backfill", "job=collectJob",
                "from=" + tomorrow);
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.errors()).singleElement().asString().contains(tomorrow + " has not ended yet");
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM job_launches")).isZero();
    }
}
