package com.mallbatch.admin.breaks;

import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The breaks still open or acknowledged, each as its newest event says, with its account's name; filtered. */
@Service
public class BreakQueries {

    public record Listed(BreakRow row, String account) {
    }

    private final JdbcReconcileLedger ledger;
    private final JdbcTemplate jdbc;

    public BreakQueries(JdbcReconcileLedger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** @param severity null: every severity; @param check null: every check */
    public List<Listed> unresolved(Severity severity, String check) {
        Map<Long, String> labels = new HashMap<>();
        jdbc.query("SELECT a.id, CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) FROM mall_accounts a "
                + "JOIN tenants t ON t.id = a.tenant_id", rs -> {
            labels.put(rs.getLong(1), rs.getString(2));
        });
        return ledger.unresolved().stream()
                .filter(b -> severity == null || b.severity() == severity)
                .filter(b -> check == null || b.check().equals(check))
                .map(b -> new Listed(b, labels.getOrDefault(b.accountId(), "#" + b.accountId())))
                .toList();
    }

    /** The checks that have breaks, for the filter. */
    public List<String> checks() {
        return jdbc.queryForList("SELECT DISTINCT check_name FROM reconcile_breaks ORDER BY check_name", String.class);
    }
}
