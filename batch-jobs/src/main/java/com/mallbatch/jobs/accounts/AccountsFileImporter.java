package com.mallbatch.jobs.accounts;

import com.mallbatch.readers.crawl.SiteProfiles;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcMallAccounts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;
import java.util.List;

/**
 * Imports {@code mallbatch.accounts-file} at startup, before any job runs, all or nothing: a mistake in the file (a
 * missing field, an unknown platform, a crawl profile that does not exist) stops the start naming the entry. Idempotent:
 * importing the same file again changes nothing, and stored (rotated) tokens are kept unless the file's credentials
 * changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("mallbatch.accounts-file")
public class AccountsFileImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsFileImporter.class);

    private final JdbcMallAccounts accounts;
    private final SiteProfiles profiles;
    private final Path file;

    public AccountsFileImporter(JdbcMallAccounts accounts, SiteProfiles profiles,
                                @Value("${mallbatch.accounts-file}") Path file) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Registration> registrations;
        try {
            registrations = AccountsFile.read(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new AccountsFileException(e.getMessage() + "; nothing was imported", e);
        }
        for (Registration r : registrations) {
            if (r.crawlProfile() != null) {
                try {
                    profiles.get(r.crawlProfile());
                } catch (IllegalArgumentException e) {
                    throw new AccountsFileException(file + ": " + r.tenantKey() + "/" + r.platform() + "/" + r.accountKey()
                            + ": crawlProfile '" + r.crawlProfile() + "' cannot be used: " + e.getMessage()
                            + "; nothing was imported", e);
                }
            }
        }
        registrations.forEach(accounts::register);
        log.info("Imported {} mall account(s) from {}", registrations.size(), file);
    }
}
