package com.mallbatch.writers.mysql;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.writers.secret.CredentialCipher;
import com.mallbatch.writers.secret.CredentialCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Tenants and mall accounts in MySQL, and their registration from the accounts file. */
public final class JdbcMallAccounts implements MallAccounts {

    /** An account as the accounts file declares it. */
    public record Registration(String tenantKey, String tenantName, Platform platform, String accountKey,
                               String baseUrl, RateBudget rateBudget, String crawlProfile, boolean enabled,
                               MallCredentials credentials) {
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

    /**
     * Creates or updates the tenant and the account. Credentials are written only when the file's credentials
     * changed since the last import, so a re-import never puts back a refresh token that has since been rotated.
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
            String hash = fingerprint(r.credentials());
            String stored = jdbc.queryForObject("SELECT credentials_source_hash FROM mall_accounts WHERE id = ?",
                    String.class, id);
            if (!hash.equals(stored)) {
                byte[] sealed = cipher.encrypt(CredentialCodec.encode(r.credentials()),
                        JdbcCredentialStore.associatedData(id));
                jdbc.update("UPDATE mall_accounts SET credentials_enc = ?, credentials_source_hash = ? WHERE id = ?",
                        sealed, hash, id);
            }
        }
        return id;
    }

    private static String fingerprint(MallCredentials c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{c.clientId(), c.clientSecret(), c.refreshToken(), c.accessToken()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
