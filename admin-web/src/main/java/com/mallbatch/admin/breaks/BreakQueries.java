package com.mallbatch.admin.breaks;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The breaks still open or acknowledged, each as its newest event says, with its account's name; filtered. */
@Service
public class BreakQueries {

    /** A break with its account's name and mall, and how many days it has been open. */
    public record Listed(BreakRow row, String account, Platform mall, long ageDays) {
    }

    /** Each null filter lets every break through; {@code minAgeDays} keeps breaks open at least that many days. */
    public record Filter(Severity severity, String check, Platform mall, Integer minAgeDays) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private record Account(String label, Platform mall) {
    }

    private final JdbcReconcileLedger ledger;
    private final JdbcTemplate jdbc;

    public BreakQueries(JdbcReconcileLedger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** The unresolved breaks that pass the filter, the oldest first as the ledger lists them; ages as of {@code today}. */
    public List<Listed> unresolved(Filter filter, LocalDate today) {
        Map<Long, Account> accounts = new HashMap<>();
        jdbc.query("SELECT a.id, CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key), a.platform FROM mall_accounts a "
                + "JOIN tenants t ON t.id = a.tenant_id", rs -> {
            accounts.put(rs.getLong(1), new Account(rs.getString(2), Platform.valueOf(rs.getString(3))));
        });
        return ledger.unresolved().stream()
                .map(b -> {
                    Account account = accounts.getOrDefault(b.accountId(), new Account("#" + b.accountId(), null));
                    return new Listed(b, account.label(), account.mall(), ChronoUnit.DAYS.between(b.openedOn(), today));
                })
                .filter(b -> filter.severity() == null || b.row().severity() == filter.severity())
                .filter(b -> filter.check() == null || b.row().check().equals(filter.check()))
                .filter(b -> filter.mall() == null || b.mall() == filter.mall())
                .filter(b -> filter.minAgeDays() == null || b.ageDays() >= filter.minAgeDays())
                .toList();
    }

    /** The checks that have breaks, for the filter. */
    public List<String> checks() {
        return jdbc.queryForList("SELECT DISTINCT check_name FROM reconcile_breaks ORDER BY check_name", String.class);
    }
}
