package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.accounts.MallAccountEditing.Entry;
import com.mallbatch.jobs.accounts.MallAccountEditing.Problem;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.readers.crawl.SiteProfiles;
import com.mallbatch.writers.mysql.JdbcCredentialStore;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's account entries go through the accounts file's registration with its rules per platform; a secret typed
 * in is sealed like a rotated token, so importing the unchanged accounts file again does not put the file's older
 * value back; an empty one keeps what is stored.
 */
class MallAccountEditingTest {

    static ThrowawaySchema schema;
    static JdbcTemplate jdbc;
    static JdbcMallAccounts accounts;
    static JdbcCredentialStore credentials;
    static MallAccountEditing editing;

    @BeforeAll
    static void migrate() {
        schema = ThrowawaySchema.create("accountediting");
        Flyway.configure().dataSource(schema.jdbcUrl(), schema.user(), schema.password()).load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(schema.jdbcUrl(), schema.user(), schema.password());
        jdbc = new JdbcTemplate(dataSource);
        CredentialCipher cipher = CredentialCipher.fromBase64(CredentialCipher.newKey());
        accounts = new JdbcMallAccounts(jdbc, cipher);
        credentials = new JdbcCredentialStore(jdbc, cipher, new DataSourceTransactionManager(dataSource));
        editing = new MallAccountEditing(accounts, credentials, new SiteProfiles(name -> Optional.empty(), null));
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM mall_accounts");
    }

    @Test
    void eachMissingFieldOfThePlatformIsNamedAndNothingIsStored() {
        assertThatThrownBy(() -> editing.add(cafe24("acmeshop", new MallCredentials("cid", "secret", " ", null, null)), "root"))
                .isInstanceOfSatisfying(MallAccountEditing.Refused.class, refused -> assertThat(refused.problems())
                        .containsExactly(new Problem("refreshToken", "required", "is missing")));
        assertThatThrownBy(() -> editing.add(new Entry("acme", null, Platform.CRAWL, "center01", null, 40, 2, "nope", true,
                new MallCredentials("seller", null, null, null, null)), "root"))
                .isInstanceOfSatisfying(MallAccountEditing.Refused.class, refused -> assertThat(refused.problems())
                        .extracting(Problem::field).containsExactly("clientSecret", "baseUrl", "crawlProfile"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mall_accounts", Integer.class)).isZero();

        editing.add(cafe24("acmeshop", new MallCredentials("cid", "secret", "rt", null, null)), "root");
        assertThatThrownBy(() -> editing.add(cafe24("acmeshop", new MallCredentials("cid", "secret", "rt", null, null)),
                "root")).isInstanceOfSatisfying(MallAccountEditing.Refused.class, refused -> assertThat(refused.problems())
                .extracting(Problem::code).containsExactly("taken"));
    }

    @Test
    void aSecretTypedInOutlivesAReimportOfTheUnchangedFileAndAnEmptyOneKeepsWhatIsStored() {
        JdbcMallAccounts.Registration file = new JdbcMallAccounts.Registration("acme", "에이크미", Platform.CAFE24,
                "acmeshop", null, com.mallbatch.domain.RateBudget.CAFE24_DEFAULT, null, true,
                new MallCredentials("cid", "file-secret", "rt-from-file", null, null));
        long id = accounts.register(file);
        credentials.save(id, credentials.load(id).withTokens("at", null, "rt-rotated"));

        editing.edit(id, cafe24("ignored", new MallCredentials("", "", "", null, null)), "root");
        assertThat(credentials.load(id)).isEqualTo(new MallCredentials("cid", "file-secret", "rt-rotated", "at", null));

        editing.edit(id, cafe24("ignored", new MallCredentials(null, "typed-secret", null, null, null)), "root");
        assertThat(credentials.load(id)).isEqualTo(new MallCredentials("cid", "typed-secret", "rt-rotated", null, null));
        assertThat(accounts.byId(id).accountKey()).as("its key stays").isEqualTo("acmeshop");

        accounts.register(file);
        assertThat(credentials.load(id)).as("the unchanged file again")
                .isEqualTo(new MallCredentials("cid", "typed-secret", "rt-rotated", null, null));
    }

    @Test
    void aDisabledAccountIsNotCollectedAndKeepsItsCredentials() {
        long id = editing.add(cafe24("acmeshop", new MallCredentials("cid", "secret", "rt", null, null)), "root").id();
        editing.setEnabled(id, false, "root");
        assertThat(accounts.enabled()).isEmpty();
        assertThat(accounts.byId(id).enabled()).isFalse();
        assertThat(credentials.load(id).clientSecret()).isEqualTo("secret");
        assertThat(accounts.tenantName("acme")).hasValue("에이크미");
        editing.setEnabled(id, true, "root");
        assertThat(accounts.enabled()).extracting(a -> a.id()).containsExactly(id);
    }

    private static Entry cafe24(String key, MallCredentials typed) {
        return new Entry("acme", "에이크미", Platform.CAFE24, key, null, 40, 2, null, true, typed);
    }
}
