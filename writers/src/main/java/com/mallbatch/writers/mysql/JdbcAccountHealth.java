package com.mallbatch.writers.mysql;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.port.AccountHealthStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** {@code account_health}: one row per account, created on first use, changed by single atomic upserts. */
public final class JdbcAccountHealth implements AccountHealthStore {

    private static final RowMapper<AccountHealth> ROW = (rs, n) -> new AccountHealth(rs.getLong("account_id"),
            rs.getObject("last_success_date", LocalDate.class), rs.getObject("last_failure_at", LocalDateTime.class),
            rs.getString("last_failure_stage"), rs.getString("last_failure_message"), rs.getInt("consecutive_failures"),
            rs.getBoolean("paused"), rs.getString("paused_reason"), rs.getObject("paused_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public JdbcAccountHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AccountHealth get(long accountId) {
        List<AccountHealth> found = jdbc.query("SELECT * FROM account_health WHERE account_id = ?", ROW, accountId);
        return found.isEmpty() ? AccountHealth.none(accountId) : found.get(0);
    }

    @Override
    public List<AccountHealth> all() {
        return jdbc.query("SELECT * FROM account_health ORDER BY account_id", ROW);
    }

    @Override
    public AccountHealth succeeded(long accountId, LocalDate businessDate) {
        jdbc.update("INSERT INTO account_health (account_id, last_success_date, consecutive_failures) VALUES (?, ?, 0) "
                + "ON DUPLICATE KEY UPDATE consecutive_failures = 0, "
                + "last_success_date = GREATEST(COALESCE(last_success_date, VALUES(last_success_date)), VALUES(last_success_date))",
                accountId, businessDate);
        return get(accountId);
    }

    @Override
    public AccountHealth failed(long accountId, LocalDateTime at, String stage, String message) {
        jdbc.update("INSERT INTO account_health (account_id, last_failure_at, last_failure_stage, last_failure_message, "
                        + "consecutive_failures) VALUES (?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE "
                        + "last_failure_at = VALUES(last_failure_at), last_failure_stage = VALUES(last_failure_stage), "
                        + "last_failure_message = VALUES(last_failure_message), consecutive_failures = consecutive_failures + 1",
                accountId, at, stage, Text.cut(message, 2000));
        return get(accountId);
    }

    @Override
    public void pause(long accountId, String reason, LocalDateTime at) {
        jdbc.update("INSERT INTO account_health (account_id, paused, paused_reason, paused_at) VALUES (?, TRUE, ?, ?) "
                + "ON DUPLICATE KEY UPDATE paused = TRUE, paused_reason = VALUES(paused_reason), paused_at = VALUES(paused_at)",
                accountId, Text.cut(reason, 500), at);
    }

    @Override
    public void resume(long accountId) {
        jdbc.update("INSERT INTO account_health (account_id) VALUES (?) ON DUPLICATE KEY UPDATE paused = FALSE, "
                + "paused_reason = NULL, paused_at = NULL, consecutive_failures = 0", accountId);
    }
}
