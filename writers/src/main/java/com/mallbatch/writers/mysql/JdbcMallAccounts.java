package com.mallbatch.writers.mysql;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.writers.secret.CredentialCipher;
import com.mallbatch.writers.secret.CredentialKeyException;
import com.mallbatch.writers.secret.CredentialCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** Tenants and mall accounts in MySQL, and their registration from the accounts file. */
public final class JdbcMallAccounts implements MallAccounts {

    /**
     * An account as the accounts file declares it. {@code reauthorizedAt} (any text, e.g. a date) marks a new
     * authorization by the seller: the file's refresh token replaces the stored one once for each new marker, even
     * when the token itself is the one the file held before.
     */
    public record Registration(String tenantKey, String tenantName, Platform platform, String accountKey,
                               String baseUrl, RateBudget rateBudget, String crawlProfile, boolean enabled,
                               MallCredentials credentials, String reauthorizedAt) {

        public Registration(String tenantKey, String tenantName, Platform platform, String accountKey, String baseUrl,
                            RateBudget rateBudget, String crawlProfile, boolean enabled, MallCredentials credentials) {
            this(tenantKey, tenantName, platform, accountKey, baseUrl, rateBudget, crawlProfile, enabled, credentials, null);
        }
    }

    private static final String SELECT = "SELECT a.id, t.tenant_key, a.platform, a.account_key, a.base_url, "
            + "a.rate_capacity, a.rate_leak_per_second, a.crawl_profile, a.enabled FROM mall_accounts a JOIN tenants t ON t.id = a.tenant_id ";
    private static final RowMapper<MallAccount> ROW = (rs, n) -> new MallAccount(rs.getLong("id"),
            rs.getString("tenant_key"), Platform.valueOf(rs.getString("platform")), rs.getString("account_key"),
            rs.getString("base_url"), new RateBudget(rs.getInt("rate_capacity"), rs.getDouble("rate_leak_per_second")),
            rs.getString("crawl_profile"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final CredentialCipher cipher;

    public JdbcMallAccounts(JdbcTemplate jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<MallAccount> enabled() {
        return jdbc.query(SELECT + "WHERE a.enabled ORDER BY a.id", ROW);
    }

    @Override
    public MallAccount byId(long id) {
        List<MallAccount> found = jdbc.query(SELECT + "WHERE a.id = ?", ROW, id);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No mall account with id " + id);
        }
        return found.get(0);
    }

    /** The tenant's display name, when the tenant exists. */
    public Optional<String> tenantName(String tenantKey) {
        return jdbc.queryForList("SELECT name FROM tenants WHERE tenant_key = ?", String.class, tenantKey).stream()
                .findFirst();
    }

    /** The account {@code platform}/{@code accountKey} (unique across tenants), enabled or not. */
    public Optional<MallAccount> find(Platform platform, String accountKey) {
        return jdbc.query(SELECT + "WHERE a.platform = ? AND a.account_key = ?", ROW, platform.name(), accountKey)
                .stream().findFirst();
    }

    /**
     * Creates or updates the tenant and the account, and takes from the file only the credentials it changed. The
     * client credentials (id and secret, or a crawl login) are taken when they differ from the last import. The
     * refresh token is taken only when the file holds a new one or a new re-authorization marker:
     * the mall rotates refresh tokens, so the one stored is usually newer than the file's, and putting the file's
     * back would lock the account out.
     */
    public long register(Registration r) {
        jdbc.update("INSERT INTO tenants (tenant_key, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
                r.tenantKey(), r.tenantName());
        long tenantId = jdbc.queryForObject("SELECT id FROM tenants WHERE tenant_key = ?", Long.class, r.tenantKey());
        jdbc.update("INSERT INTO mall_accounts (tenant_id, platform, account_key, base_url, rate_capacity, "
                        + "rate_leak_per_second, crawl_profile, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE tenant_id = VALUES(tenant_id), base_url = VALUES(base_url), "
                        + "rate_capacity = VALUES(rate_capacity), rate_leak_per_second = VALUES(rate_leak_per_second), "
                        + "crawl_profile = VALUES(crawl_profile), enabled = VALUES(enabled)",
                tenantId, r.platform().name(), r.accountKey(), r.baseUrl(), r.rateBudget().capacity(),
                r.rateBudget().leakPerSecond(), r.crawlProfile(), r.enabled());
        long id = jdbc.queryForObject("SELECT id FROM mall_accounts WHERE platform = ? AND account_key = ?",
                Long.class, r.platform().name(), r.accountKey());
        if (r.credentials() != null) {
            importCredentials(id, r.credentials(), r.reauthorizedAt());
        }
        return id;
    }

    private void importCredentials(long id, MallCredentials file, String reauthorizedAt) {
        String clientHash = cipher.fingerprint(file.clientId(), file.clientSecret());
        String tokenHash = cipher.fingerprint(file.refreshToken(), reauthorizedAt);
        StoredCredentials stored = jdbc.queryForObject("SELECT credentials_enc, credentials_source_hash, token_source_hash "
                + "FROM mall_accounts WHERE id = ?", (rs, n) -> new StoredCredentials(rs.getBytes(1), rs.getString(2),
                rs.getString(3)), id);
        MallCredentials result;
        if (stored.sealed() == null) {
            result = file;
        } else {
            MallCredentials current = CredentialCodec.decode(cipher.decrypt(stored.sealed(), JdbcCredentialStore.associatedData(id)));
            result = current;
            if (!clientHash.equals(stored.clientHash())) {
                result = new MallCredentials(file.clientId(), file.clientSecret(), result.refreshToken(),
                        result.accessToken(), result.accessTokenExpiresAt());
            }
            // A row imported before the token had a fingerprint of its own adopts the file's token as already seen.
            if (stored.tokenHash() != null && !tokenHash.equals(stored.tokenHash())) {
                result = new MallCredentials(result.clientId(), result.clientSecret(), file.refreshToken(), null, null);
            }
            if (result.equals(current) && clientHash.equals(stored.clientHash()) && tokenHash.equals(stored.tokenHash())) {
                return;
            }
        }
        byte[] sealed = cipher.encrypt(CredentialCodec.encode(result), JdbcCredentialStore.associatedData(id));
        jdbc.update("UPDATE mall_accounts SET credentials_enc = ?, credentials_source_hash = ?, token_source_hash = ? "
                + "WHERE id = ?", sealed, clientHash, tokenHash, id);
    }

    private record StoredCredentials(byte[] sealed, String clientHash, String tokenHash) {
    }

    /** The accounts whose stored credentials this key cannot open, by label. */
    public List<String> unreadableWithThisKey() {
        return jdbc.query(SELECT.replace("FROM", ", a.credentials_enc FROM") + "WHERE a.credentials_enc IS NOT NULL ORDER BY a.id",
                (rs, n) -> opens(rs.getBytes("credentials_enc"), rs.getLong("id")) ? null : ROW.mapRow(rs, n).label())
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    private boolean opens(byte[] sealed, long id) {
        try {
            cipher.decrypt(sealed, JdbcCredentialStore.associatedData(id));
            return true;
        } catch (CredentialKeyException e) {
            return false;
        }
    }

    /**
     * Seals every account's credentials under {@code next} instead, in the caller's transaction. The client
     * fingerprints are recomputed under the new key; the refresh-token fingerprints, whose plaintext (the file's token)
     * is not kept, are cleared, so the next import of the accounts file adopts the file's token as already seen.
     *
     * @return how many accounts were re-sealed
     */
    public int resealUnder(CredentialCipher next) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM mall_accounts WHERE credentials_enc IS NOT NULL ORDER BY id "
                + "FOR UPDATE", Long.class);
        for (long id : ids) {
            byte[] sealed = jdbc.queryForObject("SELECT credentials_enc FROM mall_accounts WHERE id = ?", byte[].class, id);
            MallCredentials credentials = CredentialCodec.decode(cipher.decrypt(sealed, JdbcCredentialStore.associatedData(id)));
            jdbc.update("UPDATE mall_accounts SET credentials_enc = ?, credentials_source_hash = ?, token_source_hash = NULL "
                            + "WHERE id = ?", next.encrypt(CredentialCodec.encode(credentials), JdbcCredentialStore.associatedData(id)),
                    next.fingerprint(credentials.clientId(), credentials.clientSecret()), id);
        }
        return ids.size();
    }
}
