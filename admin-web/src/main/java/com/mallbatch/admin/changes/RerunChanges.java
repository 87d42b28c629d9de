package com.mallbatch.admin.changes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a rerun changed: per account and table, the rows an execution inserted, updated and wrote unchanged
 * ({@code load_changes}, counted by the collect's loads themselves) and the rows a reconcile appended to its append-only
 * tables (results, break events: never updated; what a rerun found again it does not append, and that is not counted),
 * next to the previous execution of the same job and business date — the one it restarted (same instance) or the one
 * it was relaunched after (an earlier instance of that date).
 */
@Repository
public class RerunChanges {

    /** What one execution did to one table of one account; {@code unchanged} is null where it is not counted. */
    public record Counts(long inserted, long updated, Long unchanged) {
        public static final Counts NONE = new Counts(0, 0, 0L);
        public static final Counts NOTHING_APPENDED = new Counts(0, 0, null);
    }

    /** One table of one account: this execution and the previous one. */
    public record TableChanges(String table, Counts now, Counts before) {
    }

    /** An account's tables. */
    public record AccountChanges(long accountId, String account, List<TableChanges> tables) {
    }

    /**
     * @param restart whether the previous execution is of the same instance (a restart) rather than an earlier instance
     *                of the same date (a relaunch)
     */
    public record Comparison(long executionId, long previousExecutionId, String jobName, String businessDate,
                             boolean restart, List<AccountChanges> accounts) {

        /** Whether some table has no count of rows written unchanged (an append-only one). */
        public boolean anyUncounted() {
            return accounts.stream().flatMap(a -> a.tables().stream())
                    .anyMatch(t -> t.now().unchanged() == null || t.before().unchanged() == null);
        }
    }

    private record Execution(long id, long instanceId, String jobName, String businessDate) {
    }

    private final JdbcTemplate jdbc;

    public RerunChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the execution does not exist or nothing ran before it for its job and business date. */
    public Optional<Comparison> compare(long executionId) {
        Optional<Execution> execution = execution(executionId);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        Optional<Execution> previous = previous(execution.get());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Execution now = execution.get();
        Execution before = previous.get();
        return Optional.of(new Comparison(now.id(), before.id(), now.jobName(), now.businessDate(),
                now.instanceId() == before.instanceId(), accounts(now.id(), before.id(), now.businessDate())));
    }

    private Optional<Execution> execution(long executionId) {
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, p.PARAMETER_VALUE "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' AND p.IDENTIFYING = 'Y' WHERE e.JOB_EXECUTION_ID = ?",
                (rs, i) -> new Execution(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), executionId)
                .stream().findFirst();
    }

    /** The newest earlier execution of the same instance or, for a job with a business date, of any instance of it. */
    private Optional<Execution> previous(Execution of) {
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, i.JOB_NAME, p.PARAMETER_VALUE "
                        + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                        + "LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                        + "AND p.PARAMETER_NAME = 'businessDate' AND p.IDENTIFYING = 'Y' "
                        + "WHERE e.JOB_EXECUTION_ID < ? AND (e.JOB_INSTANCE_ID = ? OR (i.JOB_NAME = ? AND p.PARAMETER_VALUE = ?)) "
                        + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1",
                (rs, i) -> new Execution(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                of.id(), of.instanceId(), of.jobName(), of.businessDate()).stream().findFirst();
    }

    private List<AccountChanges> accounts(long now, long before, String businessDate) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<String, Counts[]>> byAccount = new TreeMap<>();
        jdbc.query("SELECT c.job_execution_id, c.account_id, c.table_name, c.inserted, c.updated, c.unchanged, "
                + "CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) FROM ("
                + "SELECT job_execution_id, account_id, table_name, SUM(inserted) inserted, SUM(updated) updated, "
                + "SUM(unchanged) unchanged FROM load_changes WHERE job_execution_id IN (?, ?) "
                + "GROUP BY job_execution_id, account_id, table_name "
                + "UNION ALL SELECT job_execution_id, account_id, 'reconcile_results', COUNT(*), 0, NULL "
                + "FROM reconcile_results WHERE business_date = ? AND job_execution_id IN (?, ?) "
                + "GROUP BY job_execution_id, account_id "
                + "UNION ALL SELECT e.job_execution_id, b.account_id, 'reconcile_break_events', COUNT(*), 0, NULL "
                + "FROM reconcile_break_events e JOIN reconcile_breaks b ON b.id = e.break_id "
                + "WHERE e.job_execution_id IN (?, ?) GROUP BY e.job_execution_id, b.account_id) c "
                + "LEFT JOIN mall_accounts a ON a.id = c.account_id LEFT JOIN tenants t ON t.id = a.tenant_id", rs -> {
            long accountId = rs.getLong(2);
            names.putIfAbsent(accountId, rs.getString(7) != null ? rs.getString(7) : "#" + accountId);
            Long unchanged = rs.getObject(6) == null ? null : rs.getLong(6);
            // an execution that wrote nothing to the table: nothing, counted as the table is counted
            Counts nothing = unchanged == null ? Counts.NOTHING_APPENDED : Counts.NONE;
            Counts[] pair = byAccount.computeIfAbsent(accountId, k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(3), k -> new Counts[]{nothing, nothing});
            pair[rs.getLong(1) == now ? 0 : 1] = new Counts(rs.getLong(4), rs.getLong(5), unchanged);
        }, now, before, businessDate, now, before, now, before);
        List<AccountChanges> accounts = new ArrayList<>();
        byAccount.forEach((accountId, tables) -> {
            List<TableChanges> rows = new ArrayList<>();
            tables.forEach((table, pair) -> rows.add(new TableChanges(table, pair[0], pair[1])));
            accounts.add(new AccountChanges(accountId, names.get(accountId), rows));
        });
        return accounts;
    }
}
