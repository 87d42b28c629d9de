package com.mallbatch.jobs.accounts;

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
 * Imports {@code mallbatch.accounts-file} at startup, before any job runs. Idempotent: importing the same file again
 * changes nothing, and stored (rotated) tokens are kept unless the file's credentials changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("mallbatch.accounts-file")
public class AccountsFileImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsFileImporter.class);

    private final JdbcMallAccounts accounts;
    private final Path file;

    public AccountsFileImporter(JdbcMallAccounts accounts, @Value("${mallbatch.accounts-file}") Path file) {
        this.accounts = accounts;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Registration> registrations = AccountsFile.read(file);
        registrations.forEach(accounts::register);
        log.info("Imported {} mall account(s) from {}", registrations.size(), file);
    }
}
