package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.reconcile.BreakState;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakEvent;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a person decides about a break — acknowledge it (seen, being handled), resolve it (fixed), accept it (the
 * difference is right and stays) — appended to its events with who and why. The command line and the admin web call
 * this; a decision that does not fit the break's state is refused with a line saying what state it is in.
 */
public final class BreakDecisions {

    private final JdbcReconcileLedger ledger;
    private final TransactionTemplate transaction;
    private final Runnable afterDecision;

    /** @param afterDecision what follows each decision (the gauges are read again) */
    public BreakDecisions(JdbcReconcileLedger ledger, PlatformTransactionManager transactions, Runnable afterDecision) {
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.afterDecision = afterDecision;
    }

    public BreakRow acknowledge(long breakId, String who, String comment) {
        return decide(breakId, who, comment, "ACKNOWLEDGED", BreakState.ACKNOWLEDGED, EnumSet.of(BreakState.OPEN), false);
    }

    public BreakRow resolve(long breakId, String who, String comment) {
        return decide(breakId, who, comment, "RESOLVED", BreakState.RESOLVED,
                EnumSet.of(BreakState.OPEN, BreakState.ACKNOWLEDGED, BreakState.ACCEPTED), true);
    }

    public BreakRow accept(long breakId, String who, String comment) {
        return decide(breakId, who, comment, "ACCEPTED", BreakState.ACCEPTED,
                EnumSet.of(BreakState.OPEN, BreakState.ACKNOWLEDGED), true);
    }

    private BreakRow decide(long breakId, String who, String comment, String event, BreakState to, Set<BreakState> from,
                            boolean commentRequired) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("say who decides (by=name)");
        }
        if (commentRequired && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("a break is " + to.name().toLowerCase() + " with a comment saying why "
                    + "(comment=\"…\")");
        }
        BreakRow decided = transaction.execute(status -> {
            BreakRow row = ledger.findForUpdate(breakId).orElseThrow(() -> new IllegalArgumentException("no break " + breakId));
            if (!from.contains(row.state())) {
                throw new IllegalArgumentException("break " + breakId + " is " + row.state() + "; only a break that is "
                        + from + " can be " + to.name().toLowerCase());
            }
            ledger.append(new BreakEvent(breakId, event, to, row.severity(), row.lastSeenDate(), row.amount(),
                    row.evidence(), who, comment, null));
            return ledger.find(breakId).orElseThrow();
        });
        afterDecision.run();
        return decided;
    }
}
