package com.mallbatch.writers.mysql;

import com.mallbatch.domain.reconcile.BreakState;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The append-only record of reconciliation: results, breaks, their events and the digests. Nothing here updates or
 * deletes (the tables' triggers would refuse it); a break's state is its newest event.
 */
public final class JdbcReconcileLedger {

    /** A break as it stands: its identity and its newest event. */
    /**
     * @param businessDate the date it was first found on
     * @param openedOn     the date it was last opened or reopened on: what its age counts from
     * @param lastSeenDate the business date of its newest event
     */
    public record BreakRow(long id, long accountId, String check, String type, String key, LocalDate businessDate,
                           BreakState state, Severity severity, LocalDate lastSeenDate, BigDecimal amount,
                           String evidence, LocalDate openedOn) {
    }

    /** One event to append. */
    public record BreakEvent(long breakId, String event, BreakState state, Severity severity, LocalDate businessDate,
                             BigDecimal amount, String evidence, String actor, String comment, Long jobExecutionId) {
    }

    /** A break event with what the digest tells of it. */
    public record TenantEvent(long eventId, long breakId, long accountId, String check, String type, String key,
                              LocalDate breakDate, String event, BreakState state, Severity severity, BigDecimal amount,
                              String evidence) {
    }

    /** A digest as recorded. */
    public record Digest(long id, long tenantId, LocalDate businessDate, long lastEventId, int newEvents, boolean sent,
                         String summary) {
    }

    private static final String BREAK_COLUMNS = "b.id, b.account_id, b.check_name, b.break_type, b.break_key, "
            + "b.business_date, e.state, e.severity, e.business_date, e.amount, e.evidence, "
            + "(SELECT o.business_date FROM reconcile_break_events o WHERE o.break_id = b.id "
            + "AND o.event IN ('OPENED', 'REOPENED') ORDER BY o.id DESC LIMIT 1)";
    private static final String NEWEST_EVENT = "JOIN reconcile_break_events e ON e.id = (SELECT MAX(x.id) FROM "
            + "reconcile_break_events x WHERE x.break_id = b.id)";
    private static final RowMapper<BreakRow> BREAK = (rs, i) -> new BreakRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
            BreakState.valueOf(rs.getString(7)), Severity.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
            rs.getBigDecimal(10), rs.getString(11), rs.getObject(12, LocalDate.class));

    private final JdbcTemplate jdbc;

    public JdbcReconcileLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // results

    /** The newest result of each subject of a check, account and date. */
    public List<CheckResult> latestResults(LocalDate businessDate, long accountId, String check) {
        return jdbc.query("SELECT r.subject, r.figure, r.unit, r.thresholds, r.verdict, r.detail FROM reconcile_results r "
                        + "WHERE r.business_date = ? AND r.account_id = ? AND r.check_name = ? AND r.id = (SELECT MAX(x.id) "
                        + "FROM reconcile_results x WHERE x.business_date = r.business_date AND x.account_id = r.account_id "
                        + "AND x.check_name = r.check_name AND x.subject = r.subject) ORDER BY r.subject",
                (rs, i) -> new CheckResult(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        Verdict.valueOf(rs.getString(5)), rs.getString(6)), businessDate, accountId, check);
    }

    /** Each account's newest result of a check and subject, whatever its date: what the gauges show. */
    public List<AccountResult> newestResults(String check, String subject) {
        return jdbc.query("SELECT r.account_id, r.business_date, r.subject, r.figure, r.verdict FROM reconcile_results r "
                        + "WHERE r.check_name = ? AND r.subject LIKE ? AND r.id = (SELECT MAX(x.id) FROM reconcile_results x "
                        + "WHERE x.account_id = r.account_id AND x.check_name = r.check_name AND x.subject = r.subject "
                        + "AND x.business_date = (SELECT MAX(y.business_date) FROM reconcile_results y "
                        + "WHERE y.account_id = r.account_id AND y.check_name = r.check_name))",
                (rs, i) -> new AccountResult(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBigDecimal(4), Verdict.valueOf(rs.getString(5))), check, subject);
    }

    /** Business dates from {@code from} on where some account's newest result of a subject is still PENDING. */
    public List<LocalDate> datesWithPendingResults(LocalDate from) {
        return jdbc.queryForList("SELECT DISTINCT r.business_date FROM reconcile_results r WHERE r.business_date >= ? "
                + "AND r.verdict = 'PENDING' AND r.id = (SELECT MAX(x.id) FROM reconcile_results x WHERE "
                + "x.business_date = r.business_date AND x.account_id = r.account_id AND x.check_name = r.check_name "
                + "AND x.subject = r.subject) ORDER BY r.business_date", LocalDate.class, from);
    }

    /** An account's result of a check, for the gauges. */
    public record AccountResult(long accountId, LocalDate businessDate, String subject, BigDecimal figure,
                                Verdict verdict) {
    }

    public void appendResult(LocalDate businessDate, long accountId, String check, CheckResult result, long jobExecutionId) {
        jdbc.update("INSERT INTO reconcile_results (business_date, account_id, check_name, subject, figure, unit, "
                        + "thresholds, verdict, detail, job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                businessDate, accountId, check, result.subject(), result.figure(), result.unit(), result.thresholds(),
                result.verdict().name(), Text.cut(result.detail(), 2000), jobExecutionId);
    }

    // breaks

    /**
     * The account's breaks of a check that are not resolved, and the resolved ones with one of {@code keys} (which a
     * finding may reopen), each as it stands, oldest first; the account's break rows of the check are locked until the
     * transaction ends, so a person's decision and a run never both move one from the same state.
     */
    public List<BreakRow> breaksForUpdate(long accountId, String check, Collection<String> keys) {
        jdbc.queryForList("SELECT id FROM reconcile_breaks WHERE account_id = ? AND check_name = ? FOR UPDATE", Long.class,
                accountId, check);
        List<Object> args = new ArrayList<>(List.of(accountId, check));
        args.addAll(keys);
        String foundKeys = keys.isEmpty() ? "" : " OR b.break_key IN (" + String.join(", ",
                java.util.Collections.nCopies(keys.size(), "?")) + ")";
        return jdbc.query("SELECT " + BREAK_COLUMNS + " FROM reconcile_breaks b " + NEWEST_EVENT
                + " WHERE b.account_id = ? AND b.check_name = ? AND (e.state <> 'RESOLVED'" + foundKeys + ") ORDER BY b.id",
                BREAK, args.toArray());
    }

    /** The newest business date the account was reconciled for by the check; null before its first run. */
    public LocalDate newestReconciledDate(long accountId, String check) {
        return jdbc.queryForObject("SELECT MAX(business_date) FROM reconcile_results WHERE check_name = ? AND account_id = ?",
                LocalDate.class, check, accountId);
    }

    /** The break as it stands, its row locked until the transaction ends. */
    public Optional<BreakRow> findForUpdate(long breakId) {
        jdbc.queryForList("SELECT id FROM reconcile_breaks WHERE id = ? FOR UPDATE", Long.class, breakId);
        return find(breakId);
    }

    public Optional<BreakRow> find(long breakId) {
        return jdbc.query("SELECT " + BREAK_COLUMNS + " FROM reconcile_breaks b " + NEWEST_EVENT + " WHERE b.id = ?",
                BREAK, breakId).stream().findFirst();
    }

    /** The breaks still open or acknowledged, each as it stands, newest first. */
    public List<BreakRow> unresolved() {
        return jdbc.query("SELECT " + BREAK_COLUMNS + " FROM reconcile_breaks b " + NEWEST_EVENT
                + " WHERE e.state IN ('OPEN', 'ACKNOWLEDGED') ORDER BY b.id DESC", BREAK);
    }

    public long openBreak(long accountId, String check, String type, String key, LocalDate businessDate) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO reconcile_breaks (account_id, check_name, "
                    + "break_type, break_key, business_date) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, accountId);
            insert.setString(2, check);
            insert.setString(3, type);
            insert.setString(4, key);
            insert.setObject(5, businessDate);
            return insert;
        }, id);
        return id.getKey().longValue();
    }

    public void append(BreakEvent e) {
        jdbc.update("INSERT INTO reconcile_break_events (break_id, event, state, severity, business_date, amount, evidence, "
                        + "actor, comment, job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.breakId(), e.event(), e.state().name(), e.severity().name(), e.businessDate(), e.amount(),
                Text.cut(e.evidence(), 1000), e.actor(), Text.cut(e.comment(), 1000), e.jobExecutionId());
    }

    /** The events of the tenant's breaks after {@code afterEventId} whose kind is among {@code events}, oldest first. */
    public List<TenantEvent> eventsAfter(long tenantId, long afterEventId, List<String> events) {
        String kinds = String.join(",", events.stream().map(k -> "'" + k.replace("'", "") + "'").toList());
        return jdbc.query("SELECT e.id, b.id, b.account_id, b.check_name, b.break_type, b.break_key, b.business_date, "
                        + "e.event, e.state, e.severity, e.amount, e.evidence FROM reconcile_break_events e "
                        + "JOIN reconcile_breaks b ON b.id = e.break_id JOIN mall_accounts a ON a.id = b.account_id "
                        + "WHERE a.tenant_id = ? AND e.id > ? AND e.event IN (" + kinds + ") ORDER BY e.id",
                (rs, i) -> new TenantEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        BreakState.valueOf(rs.getString(9)), Severity.valueOf(rs.getString(10)), rs.getBigDecimal(11),
                        rs.getString(12)), tenantId, afterEventId);
    }

    public long newestEventId() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM reconcile_break_events", Long.class);
        return id == null ? 0 : id;
    }

    // digests

    /** The tenant's newest digest, sent or not: its {@code lastEventId} is what has been told. */
    public Optional<Digest> lastDigest(long tenantId) {
        return jdbc.query("SELECT id, tenant_id, business_date, last_event_id, new_events, sent, summary "
                        + "FROM reconcile_digests WHERE tenant_id = ? ORDER BY id DESC LIMIT 1",
                (rs, i) -> new Digest(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7)), tenantId).stream().findFirst();
    }

    public void recordDigest(long tenantId, LocalDate businessDate, long jobExecutionId, long lastEventId, int newEvents,
                             boolean sent, String summary) {
        jdbc.update("INSERT INTO reconcile_digests (tenant_id, business_date, job_execution_id, last_event_id, new_events, "
                        + "sent, summary) VALUES (?, ?, ?, ?, ?, ?, ?)", tenantId, businessDate,
                jobExecutionId, lastEventId, newEvents, sent, Text.cut(summary, 4000));
    }
}
