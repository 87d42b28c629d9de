package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.reconcile.BreakAge;
import com.mallbatch.domain.reconcile.BreakState;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakEvent;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records what a run of a check found for an account and date, append-only and idempotent: a result row only when it
 * differs from the date's newest for that subject; for each finding, a new break (OPENED), a resolved one with the
 * same keys REOPENED (its age starts again), an open one ESCALATED or EASED when its severity, aged from when it was
 * last opened, moved (an accepted one does not age), nothing when it stands as it was; an open or accepted break whose
 * keys the run settled and found matching RESOLVED. A run of a date older than the newest one the account was
 * reconciled for by the check records its results and moves no break. The breaks are read locked, so a person's
 * decision in between is never undone.
 */
public final class BreakLifecycle {

    public static final String RUN_ACTOR = "reconcile";
    static final String OPENED = "OPENED";
    static final String REOPENED = "REOPENED";
    static final String ESCALATED = "ESCALATED";
    static final String EASED = "EASED";
    static final String RESOLVED = "RESOLVED";
    /** Events that make a digest: something new or worse. */
    public static final List<String> NEWSWORTHY = List.of(OPENED, REOPENED, ESCALATED);

    private final JdbcReconcileLedger ledger;

    public BreakLifecycle(JdbcReconcileLedger ledger) {
        this.ledger = ledger;
    }

    public void record(long accountId, LocalDate date, CheckOutcome outcome, long jobExecutionId) {
        LocalDate newest = ledger.newestReconciledDate(accountId, outcome.check());
        Map<String, CheckResult> latest = new HashMap<>();
        ledger.latestResults(date, accountId, outcome.check()).forEach(r -> latest.put(r.subject(), r));
        for (CheckResult result : outcome.results()) {
            if (!same(latest.get(result.subject()), result)) {
                ledger.appendResult(date, accountId, outcome.check(), result, jobExecutionId);
            }
        }
        if (newest != null && date.isBefore(newest)) {
            return; // a newer date has been judged: an older one's rerun tells what it saw, it moves no break
        }
        Map<String, BreakRow> current = new HashMap<>();
        Set<String> keys = outcome.findings().stream().map(Finding::key).collect(Collectors.toSet());
        for (BreakRow row : ledger.breaksForUpdate(accountId, outcome.check(), keys)) {
            current.put(row.type() + "|" + row.key(), row); // oldest first: the newest break of the keys wins
        }
        Map<String, Finding> found = new HashMap<>();
        for (Finding finding : outcome.findings()) {
            found.put(finding.type() + "|" + finding.key(), finding);
            BreakRow row = current.get(finding.type() + "|" + finding.key());
            if (row == null) {
                long id = ledger.openBreak(accountId, outcome.check(), finding.type(), finding.key(), date);
                append(id, OPENED, BreakState.OPEN, finding.severity(), date, finding, jobExecutionId);
            } else if (row.state() == BreakState.RESOLVED) { // its age starts again
                append(row.id(), REOPENED, BreakState.OPEN, finding.severity(), date, finding, jobExecutionId);
            } else {
                // an accepted difference does not age: only a worse finding (a lost sale turned oversell) is news
                Severity severity = row.state() == BreakState.ACCEPTED ? finding.severity()
                        : BreakAge.aged(finding.severity(), row.openedOn(), date);
                if (severity.compareTo(row.severity()) > 0) {
                    append(row.id(), ESCALATED, row.state(), severity, date, finding, jobExecutionId);
                } else if (severity.compareTo(row.severity()) < 0 && row.state() != BreakState.ACCEPTED) {
                    append(row.id(), EASED, row.state(), severity, date, finding, jobExecutionId);
                }
            }
        }
        for (BreakRow row : current.values()) {
            boolean matchesAgain = !found.containsKey(row.type() + "|" + row.key()) && outcome.settles(row.key());
            if (matchesAgain && row.state() != BreakState.RESOLVED) {
                ledger.append(new BreakEvent(row.id(), RESOLVED, BreakState.RESOLVED, row.severity(), date, row.amount(),
                        "matches again on " + date, RUN_ACTOR, null, jobExecutionId));
            }
        }
    }

    private void append(long breakId, String event, BreakState state, Severity severity, LocalDate date, Finding finding,
                        long jobExecutionId) {
        ledger.append(new BreakEvent(breakId, event, state, severity, date, finding.amount(), finding.evidence(),
                RUN_ACTOR, null, jobExecutionId));
    }

    private static boolean same(CheckResult stored, CheckResult now) {
        return stored != null && stored.verdict() == now.verdict() && sameFigure(stored.figure(), now.figure())
                && stored.thresholds().equals(now.thresholds()) && stored.unit().equals(now.unit());
    }

    private static boolean sameFigure(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
