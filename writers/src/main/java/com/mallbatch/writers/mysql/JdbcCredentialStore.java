package com.mallbatch.writers.mysql;

import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.writers.secret.CredentialCipher;
import com.mallbatch.writers.secret.CredentialCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credentials in {@code mall_accounts.credentials_enc}, AES-GCM encrypted and bound to the account id. Saves run in
 * their own transaction: a rotated refresh token must survive even when the chunk that triggered the refresh rolls
 * back.
 */
public final class JdbcCredentialStore implements CredentialStore {

    private final JdbcTemplate jdbc;
    private final CredentialCipher cipher;
    private final TransactionTemplate ownTransaction;

    public JdbcCredentialStore(JdbcTemplate jdbc, CredentialCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    @Override
    public MallCredentials load(long accountId) {
        byte[] sealed = jdbc.query("SELECT credentials_enc FROM mall_accounts WHERE id = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, accountId);
        if (sealed == null) {
            throw new IllegalStateException("Mall account " + accountId + " has no stored credentials");
        }
        return CredentialCodec.decode(cipher.decrypt(sealed, associatedData(accountId)));
    }

    @Override
    public void save(long accountId, MallCredentials credentials) {
        byte[] sealed = cipher.encrypt(CredentialCodec.encode(credentials), associatedData(accountId));
        ownTransaction.executeWithoutResult(status ->
                jdbc.update("UPDATE mall_accounts SET credentials_enc = ? WHERE id = ?", sealed, accountId));
    }

    static String associatedData(long accountId) {
        return "mall_account:" + accountId;
    }
}
