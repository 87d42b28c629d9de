package com.mallbatch.admin.infrastructure.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

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

    /** One line of the audit as the audit page shows it. */
    public record Entry(long id, LocalDateTime occurredAt, String username, String action, String target, String detail,
                        String outcome) {
    }

    /** The newest entries first, optionally of one user and one action. */
    public List<Entry> newest(String username, String action, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, username, action, target, detail, outcome "
                + "FROM admin_audit WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (username != null) {
            sql.append(" AND username = ?");
            arguments.add(username);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            arguments.add(action);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), arguments.toArray());
    }

    /** The actions the audit holds, for the page's filter. */
    public List<String> actions() {
        return jdbc.queryForList("SELECT DISTINCT action FROM admin_audit ORDER BY action", String.class);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
