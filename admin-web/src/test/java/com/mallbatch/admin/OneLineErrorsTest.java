package com.mallbatch.admin;

import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mistake a newcomer makes ends in one line at ERROR that says what and what to do, the exit code the README
 * documents, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class OneLineErrorsTest {

    static ThrowawaySchema schema;
    static final String KEY = CredentialCipher.newKey();

    @BeforeAll
    static void create() {
        schema = ThrowawaySchema.create("errors");
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void anUnknownJobIsRefusedListingTheJobsAndLeavesNoTrace(CapturedOutput output) {
        AppRun run = AppRun.execute(output, schema, KEY, "--spring.batch.job.name=colectJob");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement().asString().contains("Unknown job 'colectJob'; the jobs are [")
                .contains("collectJob").contains("settlementJob");
        assertThat(run.printedStackTrace()).isFalse();
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'colectJob'")
                + AppRun.count(schema, "SELECT COUNT(*) FROM job_launches WHERE job_name = 'colectJob'")).isZero();
    }

    @Test
    void aBadParameterIsRefusedAndLeavesNoJobInstance(CapturedOutput output) {
        AppRun run = AppRun.execute(output, schema, KEY, "--spring.batch.job.name=settlementJob", "period=October");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).singleElement().asString()
                .contains("settlementJob: period must be a month like 2026-10, got 'October'");
        assertThat(run.printedStackTrace()).isFalse();
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'settlementJob'")).isZero();
    }

    @Test
    void aMissingOrMalformedSecretKeyStopsTheStartWithOneLine(CapturedOutput output) {
        AppRun missing = AppRun.execute(output, schema, null, "--spring.batch.job.name=collectJob");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.errors()).singleElement().asString().contains("No secret key: set MALLBATCH_SECRET_KEY");
        assertThat(missing.printedStackTrace()).isFalse();

        AppRun malformed = AppRun.execute(output, schema, "c2hvcnQ=", "--spring.batch.job.name=collectJob");
        assertThat(malformed.exitCode()).isEqualTo(4);
        assertThat(malformed.errors()).singleElement().asString().contains("MALLBATCH_SECRET_KEY must be 32 bytes");
        assertThat(malformed.printedStackTrace()).isFalse();
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneLine(CapturedOutput output) {
        AppRun run = AppRun.execute(output, "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/mallbatch?connectTimeout=2000",
                "--spring.datasource.username=root", "--mallbatch.secret-key=" + KEY,
                "--spring.datasource.hikari.initialization-fail-timeout=1", "--spring.batch.job.name=collectJob");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.errors()).singleElement().asString()
                .contains("Cannot reach the database at jdbc:mysql://127.0.0.1:1/mallbatch?connectTimeout=2000")
                .contains("start it, or point spring.datasource.url at a running MySQL 8 / MariaDB");
        assertThat(run.printedStackTrace()).isFalse();
    }

    @Test
    void anAccountsFileWithAMistakeStopsTheStartNamingTheEntry(CapturedOutput output) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("accounts", ".yml");
        java.nio.file.Files.writeString(file, """
                tenants:
                  - key: acme
                    name: 에이크미
                    accounts:
                      - platform: GMARKET
                        accountKey: acmeshop
                """);
        AppRun run = AppRun.execute(output, schema, KEY, "--mallbatch.accounts-file=" + file,
                "--spring.batch.job.name=collectJob");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errors()).singleElement().asString().contains(file.getFileName().toString())
                .contains("'GMARKET' is not one of [CAFE24, SMARTSTORE, CRAWL]").contains("nothing was imported");
        assertThat(run.printedStackTrace()).isFalse();
    }

    @Test
    void aCrawledAccountNamingAProfileThatDoesNotExistIsRefusedAtImportNotAtRunTime(CapturedOutput output) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("accounts", ".yml");
        java.nio.file.Files.writeString(file, """
                tenants:
                  - key: acme
                    accounts:
                      - platform: CRAWL
                        accountKey: acme-style
                        baseUrl: https://seller.example/acme
                        crawlProfile: stylemarkt
                        credentials: {username: acme, password: pw}
                """);
        AppRun run = AppRun.execute(output, schema, KEY, "--mallbatch.accounts-file=" + file,
                "--spring.batch.job.name=collectJob");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errors()).singleElement().asString().contains("acme/CRAWL/acme-style: crawlProfile 'stylemarkt' "
                + "cannot be used: No site profile 'stylemarkt'").contains("nothing was imported");
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM mall_accounts WHERE account_key = 'acme-style'")).isZero();
    }
}
