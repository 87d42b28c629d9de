package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A break's life over many runs and decisions, on the append-only tables of a real MariaDB. */
class BreakLifecycleTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static ThrowawaySchema schema;
    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;
    static BreakLifecycle lifecycle;
    static BreakDecisions decisions;

    @BeforeAll
    static void migrate() {
        schema = ThrowawaySchema.create("breaks");
        Flyway.configure().dataSource(schema.jdbcUrl(), schema.user(), schema.password()).load().migrate();
        dataSource = new SingleConnectionDataSource(schema.jdbcUrl(), schema.user(), schema.password(), true);
        jdbc = new JdbcTemplate(dataSource);
        JdbcReconcileLedger ledger = new JdbcReconcileLedger(jdbc);
        lifecycle = new BreakLifecycle(ledger);
        decisions = new BreakDecisions(ledger, new DataSourceTransactionManager(dataSource), () -> { });
    }

    @AfterAll
    static void drop() {
        dataSource.destroy();
        schema.close();
    }

    @Test
    void aLostSaleAgesUpIsResolvedWhenItMatchesReopensYoungAndIsNeverMovedByAnOlderDate() {
        run(1, D1, lostSales());
        run(1, D1, lostSales());                       // a rerun: nothing
        run(1, D1.plusDays(3), lostSales());           // 3 days open: one step up
        run(1, D1.plusDays(8), lostSales());           // over 7: two steps up
        run(1, D1.plusDays(9));                        // matches again
        run(1, D1.plusDays(10), lostSales());          // breaks again: reopened, young
        run(1, D1.plusDays(5));                        // an older date's rerun moves nothing
        run(1, D1.plusDays(13), lostSales());          // 3 days since it reopened

        assertThat(events(1)).containsExactly(
                "OPENED OPEN LOW 2026-11-01 reconcile",
                "ESCALATED OPEN MEDIUM 2026-11-04 reconcile",
                "ESCALATED OPEN HIGH 2026-11-09 reconcile",
                "RESOLVED RESOLVED HIGH 2026-11-10 reconcile",
                "REOPENED OPEN LOW 2026-11-11 reconcile",
                "ESCALATED OPEN MEDIUM 2026-11-14 reconcile");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_breaks WHERE account_id = 1", Integer.class))
                .as("one break all along").isEqualTo(1);
    }

    @Test
    void aKeyTheRunDidNotLookAtStaysOpenAndAnOversellStaysCritical() {
        Finding oversell = new Finding("OVERSELL_RISK", "SKU-1@V1", Severity.CRITICAL, BigDecimal.ONE, "mall 3, master 2");
        lifecycle.record(2, D1, outcome(List.of(oversell), null), 1);
        lifecycle.record(2, D1.plusDays(9), outcome(List.of(oversell), null), 2);
        lifecycle.record(2, D1.plusDays(10), outcome(List.of(), Set.of("SKU-2@V2")), 3);
        assertThat(events(2)).containsExactly("OPENED OPEN CRITICAL 2026-11-01 reconcile");
    }

    @Test
    void peoplesDecisionsFollowTheStatesAndAnAcceptedBreakIsStillToldWhenItGetsWorse() {
        run(3, D1, lostSales());
        long id = jdbc.queryForObject("SELECT id FROM reconcile_breaks WHERE account_id = 3", Long.class);
        assertThatThrownBy(() -> decisions.accept(id, "lee", " ")).hasMessageContaining("with a comment");
        decisions.acknowledge(id, "kim", null);
        assertThatThrownBy(() -> decisions.acknowledge(id, "kim", null))
                .hasMessage("break " + id + " is ACKNOWLEDGED; only a break that is [OPEN] can be acknowledged");
        decisions.accept(id, "lee", "kept for a promotion");
        run(3, D1.plusDays(9), lostSales());            // accepted: it does not age
        run(3, D1.plusDays(10), new Finding("LOST_SALES", "SKU-1@V1", Severity.HIGH, BigDecimal.TEN, "worse"));
        run(3, D1.plusDays(11));
        assertThat(events(3)).containsExactly(
                "OPENED OPEN LOW 2026-11-01 reconcile",
                "ACKNOWLEDGED ACKNOWLEDGED LOW 2026-11-01 kim",
                "ACCEPTED ACCEPTED LOW 2026-11-01 lee",
                "ESCALATED ACCEPTED HIGH 2026-11-11 reconcile",
                "RESOLVED RESOLVED HIGH 2026-11-12 reconcile");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM reconcile_break_events"))
                .hasMessageContaining("append-only");
    }

    private static Finding lostSales() {
        return new Finding("LOST_SALES", "SKU-1@V1", Severity.LOW, BigDecimal.TEN, "mall 5, master available 15");
    }

    private static void run(long account, LocalDate date, Finding... findings) {
        lifecycle.record(account, date, outcome(List.of(findings), null), date.getDayOfMonth());
    }

    private static CheckOutcome outcome(List<Finding> findings, Set<String> settled) {
        return new CheckOutcome("stock_vs_master", List.of(new CheckResult("", null, "%", "-",
                findings.isEmpty() ? Verdict.PASS : Verdict.WARN, null)), findings, settled);
    }

    private static List<String> events(long account) {
        return jdbc.queryForList("SELECT CONCAT(e.event, ' ', e.state, ' ', e.severity, ' ', e.business_date, ' ', e.actor) "
                + "FROM reconcile_break_events e JOIN reconcile_breaks b ON b.id = e.break_id WHERE b.account_id = ? "
                + "ORDER BY e.id", String.class, account);
    }
}
