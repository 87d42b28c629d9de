package com.mallbatch.jobs.support;

import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.AlertNotifier;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.jobs.collect.CollectProperties;
import com.mallbatch.readers.ExtractorRegistry;
import com.mallbatch.readers.MallExtractors;
import com.mallbatch.domain.port.DailyTotalsLog;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.writers.alert.SlackWebhookNotifier;
import com.mallbatch.writers.mysql.JdbcAccountHealth;
import com.mallbatch.writers.mysql.JdbcCategoryMemberships;
import com.mallbatch.writers.mysql.JdbcLaunchAudit;
import com.mallbatch.writers.mysql.JdbcCrawlOutcomes;
import com.mallbatch.writers.mysql.JdbcDailyTotals;
import com.mallbatch.writers.mysql.JdbcReconcileFacts;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.writers.mysql.JdbcStockLevels;
import com.mallbatch.writers.mysql.JdbcCrawlProfiles;
import com.mallbatch.writers.mysql.JdbcFetchFailures;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcCredentialStore;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import com.mallbatch.writers.mysql.UpsertMode;
import com.mallbatch.writers.secret.CredentialCipher;
import com.mallbatch.writers.secret.CredentialKeyException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Plugs the adapters (readers, writers) into the ports the jobs use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
public class AdapterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdapterConfiguration.class);

    /** The credential key comes from MALLBATCH_SECRET_KEY (or mallbatch.secret-key); there is no default. */
    @Bean
    CredentialCipher credentialCipher(@Value("${MALLBATCH_SECRET_KEY:${mallbatch.secret-key:}}") String key) {
        if (key.isBlank()) {
            throw new CredentialKeyException("No secret key: set " + CredentialCipher.KEY_ENV + " to the key the stored "
                    + "credentials were sealed with (a new installation: the base64 of 32 random bytes, made once and "
                    + "kept; see \"Keeping the secret key\" in the README)");
        }
        return CredentialCipher.fromBase64(key);
    }

    /** Names the settings of an older version that moved, so they are not lost quietly. */
    @Bean
    SmartInitializingSingleton renamedPropertiesWarning(org.springframework.core.env.Environment environment) {
        return () -> RenamedProperties.warnAbout(environment);
    }

    /** Refuses to start with a key that cannot open the stored credentials, before any job runs. */
    @Bean
    SmartInitializingSingleton credentialKeyCheck(JdbcMallAccounts accounts, JdbcTemplate jdbc) {
        return () -> {
            List<String> unreadable = accounts.unreadableWithThisKey();
            if (!unreadable.isEmpty()) {
                int sealed = jdbc.queryForObject("SELECT COUNT(*) FROM mall_accounts WHERE credentials_enc IS NOT NULL",
                        Integer.class);
                throw new CredentialKeyException(CredentialCipher.KEY_ENV + " cannot open the stored credentials of "
                        + unreadable.size() + " of " + sealed + " account(s) (" + String.join(", ", unreadable.subList(0,
                        Math.min(5, unreadable.size()))) + (unreadable.size() > 5 ? ", …" : "") + "): start with the key "
                        + "they were sealed with; to change keys, run --mallbatch.command=rotate-secret-key under the old one");
            }
        };
    }

    @Bean
    JdbcMallAccounts mallAccounts(JdbcTemplate jdbc, CredentialCipher cipher) {
        return new JdbcMallAccounts(jdbc, cipher);
    }

    @Bean
    CredentialStore credentialStore(JdbcTemplate jdbc, CredentialCipher cipher, PlatformTransactionManager tx) {
        return new JdbcCredentialStore(jdbc, cipher, tx);
    }

    @Bean
    CanonicalTables canonicalTables(DataSource dataSource,
                                    @Value("${mallbatch.load.mode:auto}") String mode) {
        UpsertMode chosen = mode.equals("auto") ? UpsertMode.detect(dataSource) : UpsertMode.valueOf(mode);
        log.info("Loading with {}", chosen);
        return new CanonicalTables(dataSource, chosen);
    }

    /** The business calendar's clock (Asia/Seoul dates); tests and demos may put their own in its place. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BusinessDate.SEOUL);
    }

    @Bean
    AccountHealthStore accountHealthStore(JdbcTemplate jdbc) {
        return new JdbcAccountHealth(jdbc);
    }

    @Bean
    AlertNotifier alertNotifier(AlertProperties properties) {
        return new SlackWebhookNotifier(new SlackWebhookNotifier.Webhooks(properties.webhookUrl(),
                properties.tenantWebhooks()), properties.timeout(), properties.spacing(), properties.retryBackoff());
    }

    @Bean
    JdbcLaunchAudit launchAudit(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcLaunchAudit(jdbc, tx);
    }

    @Bean
    JdbcSkipLog skipLog(JdbcTemplate jdbc) {
        return new JdbcSkipLog(jdbc);
    }

    @Bean
    JdbcCollectStats collectStats(JdbcTemplate jdbc) {
        return new JdbcCollectStats(jdbc);
    }

    @Bean
    FetchFailureLog fetchFailureLog(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcFetchFailures(jdbc, tx);
    }

    @Bean
    JdbcCrawlProfiles crawlProfiles(JdbcTemplate jdbc) {
        return new JdbcCrawlProfiles(jdbc);
    }

    @Bean
    JdbcCrawlOutcomes crawlOutcomes(JdbcTemplate jdbc) {
        return new JdbcCrawlOutcomes(jdbc);
    }

    @Bean
    JdbcStockLevels stockLevels(JdbcTemplate jdbc) {
        return new JdbcStockLevels(jdbc);
    }

    @Bean
    JdbcCategoryMemberships categoryMemberships(JdbcTemplate jdbc) {
        return new JdbcCategoryMemberships(jdbc);
    }

    @Bean
    DailyTotalsLog dailyTotalsLog(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcDailyTotals(jdbc, tx);
    }

    @Bean
    ReconcileFacts reconcileFacts(JdbcTemplate jdbc) {
        return new JdbcReconcileFacts(jdbc);
    }

    @Bean
    JdbcReconcileLedger reconcileLedger(JdbcTemplate jdbc) {
        return new JdbcReconcileLedger(jdbc);
    }

    @Bean
    ExtractorRegistry extractorRegistry(List<MallExtractors> extractors) {
        return new ExtractorRegistry(extractors);
    }
}
