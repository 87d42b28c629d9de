package com.mallbatch.admin;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret key is checked before anything runs, fingerprints are keyed by it, and it can be rotated. */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretKeyTest {

    static ThrowawaySchema schema;
    static final String KEY = CredentialCipher.newKey();
    static final String NEW_KEY = CredentialCipher.newKey();
    static final MallCredentials CREDENTIALS = new MallCredentials("cid", "secret", "rt-1", null, null);
    static long accountId;

    @BeforeAll
    static void create() {
        schema = ThrowawaySchema.create("secretkey");
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    @Order(1)
    void theStoredFingerprintOfTheFilesCredentialsIsKeyed() {
        try (ConfigurableApplicationContext app = start(KEY)) {
            accountId = app.getBean(JdbcMallAccounts.class).register(new JdbcMallAccounts.Registration("acme", "에이크미",
                    Platform.CAFE24, "acmeshop", null, RateBudget.CAFE24_DEFAULT, null, true, CREDENTIALS));
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT credentials_source_hash FROM mall_accounts "
                    + "WHERE id = ?", String.class, accountId)).isEqualTo(CredentialCipher.fromBase64(KEY).fingerprint("cid", "secret"));
            SpringApplication.exit(app);
        }
    }

    @Test
    @Order(2)
    void aKeyThatCannotOpenTheStoredCredentialsIsRefusedBeforeAnythingRuns(CapturedOutput output) {
        AppRun run = AppRun.execute(output, schema, CredentialCipher.newKey(), "--spring.batch.job.name=collectJob");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errors()).singleElement().asString().contains("MALLBATCH_SECRET_KEY cannot open the stored "
                + "credentials of 1 of 1 account(s) (acme/CAFE24/acmeshop): start with the key they were sealed with");
        assertThat(run.printedStackTrace()).isFalse();
        assertThat(AppRun.count(schema, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("no job ran").isZero();
    }

    @Test
    @Order(3)
    void rotatingSealsEveryCredentialUnderTheNewKeyAndTheOldKeyNoLongerStarts(CapturedOutput output) {
        AppRun withoutNewKey = AppRun.execute(output, schema, KEY, "--mallbatch.command=rotate-secret-key");
        assertThat(withoutNewKey.exitCode()).isEqualTo(2);
        assertThat(withoutNewKey.errors()).singleElement().asString().contains("set MALLBATCH_NEW_SECRET_KEY to the new key");

        AppRun rotated = AppRun.execute(output, schema, KEY, "--mallbatch.command=rotate-secret-key",
                "--mallbatch.new-secret-key=" + NEW_KEY);
        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.printed()).contains("Sealed the credentials of 1 account(s) under the new key");

        assertThat(AppRun.execute(output, schema, KEY, "--mallbatch.command=resume-account",
                "account=acme/CAFE24/acmeshop").exitCode()).as("the old key").isEqualTo(4);
        try (ConfigurableApplicationContext app = start(NEW_KEY)) {
            assertThat(app.getBean(CredentialStore.class).load(accountId)).isEqualTo(CREDENTIALS);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT credentials_source_hash FROM mall_accounts "
                    + "WHERE id = ?", String.class, accountId)).isEqualTo(CredentialCipher.fromBase64(NEW_KEY).fingerprint("cid", "secret"));
            SpringApplication.exit(app);
        }
    }

    /** The app as a command that leaves its context open for the test to look into (an unknown account: refused). */
    private static ConfigurableApplicationContext start(String key) {
        return MallbatchApplication.run("--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
                "--mallbatch.secret-key=" + key, "--mallbatch.command=resume-account", "account=nobody/CAFE24/none");
    }
}
