package com.mallbatch.admin.infrastructure.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only {@code admin_audit}: who did what to what, and how it ended. Callers never pass a password, token or
 * credential.
 */
@Repository
public class AdminAudit {

    private final JdbcTemplate jdbc;

    public AdminAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String action, String target, String detail, String outcome) {
        jdbc.update("INSERT INTO admin_audit (username, action, target, detail, outcome) VALUES (?, ?, ?, ?, ?)",
                cut(username, 100), cut(action, 60), cut(target, 200), cut(detail, 2000), cut(outcome, 1000));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
