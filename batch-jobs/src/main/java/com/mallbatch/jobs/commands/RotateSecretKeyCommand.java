package com.mallbatch.jobs.commands;

import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import com.mallbatch.writers.secret.CredentialKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * {@code MALLBATCH_NEW_SECRET_KEY=… --mallbatch.command=rotate-secret-key}, run under the current key: every stored
 * credential is sealed again under the new key, all in one transaction. The new key comes from the environment, not
 * the command line, so it does not show in the process list or the shell history.
 */
@Component
public class RotateSecretKeyCommand implements CommandLineCommand {

    static final String NEW_KEY_ENV = "MALLBATCH_NEW_SECRET_KEY";
    private static final Logger log = LoggerFactory.getLogger(RotateSecretKeyCommand.class);

    private final JdbcMallAccounts accounts;
    private final TransactionTemplate transaction;
    private final String newKey;

    public RotateSecretKeyCommand(JdbcMallAccounts accounts, PlatformTransactionManager transactions,
                                  @Value("${" + NEW_KEY_ENV + ":${mallbatch.new-secret-key:}}") String newKey) {
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.newKey = newKey;
    }

    @Override
    public String name() {
        return "rotate-secret-key";
    }

    @Override
    public String usage() {
        return "(with " + NEW_KEY_ENV + " set): seal every stored credential under the new key";
    }

    @Override
    public void run(Map<String, String> arguments) {
        if (newKey.isBlank()) {
            throw new IllegalArgumentException("set " + NEW_KEY_ENV + " to the new key (e.g. `openssl rand -base64 32`) "
                    + "and " + CredentialCipher.KEY_ENV + " to the current one");
        }
        CredentialCipher next;
        try {
            next = CredentialCipher.fromBase64(newKey);
        } catch (CredentialKeyException e) {
            throw new IllegalArgumentException("the new key in " + NEW_KEY_ENV + " is not usable: " + e.getMessage());
        }
        int resealed = transaction.execute(status -> accounts.resealUnder(next));
        log.info("Sealed the credentials of {} account(s) under the new key. From now on start mallbatch with {} set to "
                + "the new key; the old one opens nothing any more.", resealed, CredentialCipher.KEY_ENV);
    }
}
