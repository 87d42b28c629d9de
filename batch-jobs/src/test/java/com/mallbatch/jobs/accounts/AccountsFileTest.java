package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcCredentialStore;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsFileTest {

    static ThrowawaySchema schema;
    static JdbcTemplate jdbc;
    static final CredentialCipher cipher = CredentialCipher.fromBase64(CredentialCipher.newKey());

    @TempDir
    Path dir;

    @BeforeAll
    static void migrate() {
        schema = ThrowawaySchema.create("accounts");
        Flyway.configure().dataSource(schema.jdbcUrl(), schema.user(), schema.password()).load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(schema.jdbcUrl(), schema.user(), schema.password()));
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("accounts.yml"), yaml);
    }

    static final String VALID = """
            tenants:
              - key: acme
                name: 에이크미
                accounts:
                  - platform: CAFE24
                    accountKey: acmeshop
                    baseUrl: http://127.0.0.1:8089/cafe24/acmeshop
                    rateLimit: {bucket: 40, leakPerSecond: 2}
                    credentials: {clientId: cid, clientSecret: secret, refreshToken: rt-from-file}
            """;

    @Test
    void problemsNameTheFileAndTheEntry() throws Exception {
        Path bad = file(VALID.replace("CAFE24", "CAFE42"));
        assertThatThrownBy(() -> AccountsFile.read(bad))
                .hasMessageContaining("accounts.yml").hasMessageContaining("tenants[0].accounts[0].platform")
                .hasMessageContaining("CAFE42");
        Path missing = file(VALID.replace("accountKey: acmeshop", "acountKey: acmeshop"));
        assertThatThrownBy(() -> AccountsFile.read(missing))
                .hasMessageContaining("tenants[0].accounts[0].accountKey: is missing");
        Path notANumber = file(VALID.replace("bucket: 40", "bucket: forty"));
        assertThatThrownBy(() -> AccountsFile.read(notANumber))
                .hasMessageContaining("tenants[0].accounts[0].rateLimit.bucket: should be a number, got 'forty'");
    }

    @Test
    void aCafe24EntryWithoutARefreshTokenIsRefusedNamingTheFileEntryAndField() throws Exception {
        Path noToken = file(VALID.replace(", refreshToken: rt-from-file", ""));
        assertThatThrownBy(() -> AccountsFile.read(noToken)).hasMessageContaining("accounts.yml")
                .hasMessageContaining("tenants[0].accounts[0].credentials.refreshToken: is missing")
                .hasMessageContaining("authorization code");
        Path noCredentials = file(VALID.substring(0, VALID.indexOf("        credentials:")));
        assertThatThrownBy(() -> AccountsFile.read(noCredentials))
                .hasMessageContaining("tenants[0].accounts[0].credentials: is missing");
    }

    @Test
    void aReImportThatChangesOnlyTheClientSecretKeepsTheRotatedTokenAndAMarkerTakesTheFilesTokenOnce() throws Exception {
        JdbcMallAccounts accounts = new JdbcMallAccounts(jdbc, cipher);
        JdbcCredentialStore store = new JdbcCredentialStore(jdbc, cipher, new DataSourceTransactionManager(jdbc.getDataSource()));
        String yaml = VALID.replace("acmeshop", "secretshop");
        long id = accounts.register(AccountsFile.read(file(yaml)).get(0));
        store.save(id, store.load(id).withTokens("access", null, "rt-rotated"));

        accounts.register(AccountsFile.read(file(yaml.replace("clientSecret: secret", "clientSecret: new-secret"))).get(0));
        assertThat(store.load(id).clientSecret()).isEqualTo("new-secret");
        assertThat(store.load(id).refreshToken()).as("a new secret is not a new authorization").isEqualTo("rt-rotated");

        String reauthorized = yaml.replace("clientSecret: secret", "clientSecret: new-secret")
                .replace("refreshToken: rt-from-file}", "refreshToken: rt-from-file, reauthorizedAt: 2026-11-28}");
        accounts.register(AccountsFile.read(file(reauthorized)).get(0));
        assertThat(store.load(id).refreshToken()).as("the operator says the seller authorized again").isEqualTo("rt-from-file");

        store.save(id, store.load(id).withTokens("access", null, "rt-rotated-again"));
        accounts.register(AccountsFile.read(file(reauthorized)).get(0));
        assertThat(store.load(id).refreshToken()).as("the same marker again is no new authorization").isEqualTo("rt-rotated-again");
    }

    @Test
    void writtenFilesReadBackTheSameEvenWithAwkwardSecrets() throws Exception {
        JdbcMallAccounts.Registration original = AccountsFile.read(file(VALID)).get(0);
        JdbcMallAccounts.Registration awkward = new JdbcMallAccounts.Registration(original.tenantKey(),
                original.tenantName(), original.platform(), original.accountKey(), original.baseUrl(),
                original.rateBudget(), null, false, new MallCredentials("id: with colon", "#not-a-comment", "'quoted'", null, null));

        Path written = AccountsFile.write(dir.resolve("written.yml"), java.util.List.of(original, awkward));

        assertThat(AccountsFile.read(written)).containsExactly(original, awkward);
    }

    @Test
    void reImportingTheSameFileChangesNothingAndKeepsARotatedToken() throws Exception {
        JdbcMallAccounts accounts = new JdbcMallAccounts(jdbc, cipher);
        JdbcCredentialStore store = new JdbcCredentialStore(jdbc, cipher, new DataSourceTransactionManager(jdbc.getDataSource()));
        Path yaml = file(VALID);
        long id = accounts.register(AccountsFile.read(yaml).get(0));
        assertThat(store.load(id).refreshToken()).isEqualTo("rt-from-file");

        MallCredentials rotated = store.load(id).withTokens("access", null, "rt-rotated");
        store.save(id, rotated);
        assertThat(accounts.register(AccountsFile.read(yaml).get(0))).isEqualTo(id);
        assertThat(store.load(id).refreshToken()).as("the file's stale token does not overwrite the rotated one")
                .isEqualTo("rt-rotated");

        accounts.register(AccountsFile.read(file(VALID.replace("rt-from-file", "rt-reauthorized"))).get(0));
        assertThat(store.load(id).refreshToken()).as("a changed file is an explicit re-authorization")
                .isEqualTo("rt-reauthorized");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mall_accounts", Integer.class)).isEqualTo(1);
    }
}
