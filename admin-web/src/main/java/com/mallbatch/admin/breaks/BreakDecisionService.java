package com.mallbatch.admin.breaks;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.reconcile.BreakDecisions;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A person's decision about a break through the jobs' own use case ({@link BreakDecisions}), written to the admin
 * audit whether it was taken or refused.
 */
@Service
public class BreakDecisionService {

    public enum Decision { ACKNOWLEDGE, RESOLVE, ACCEPT }

    private final BreakDecisions decisions;
    private final AdminAudit audit;

    public BreakDecisionService(BreakDecisions decisions, AdminAudit audit) {
        this.decisions = decisions;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException when the use case refuses (state, missing comment), its reason the message */
    @PreAuthorize("hasRole('OPS')")
    public BreakRow decide(long breakId, Decision decision, String comment, String user) {
        String action = decision.name().toLowerCase() + "-break";
        String target = "break " + breakId;
        try {
            BreakRow row = switch (decision) {
                case ACKNOWLEDGE -> decisions.acknowledge(breakId, user, blankToNull(comment));
                case RESOLVE -> decisions.resolve(breakId, user, blankToNull(comment));
                case ACCEPT -> decisions.accept(breakId, user, blankToNull(comment));
            };
            audit.record(user, action, target, comment, "now " + row.state());
            return row;
        } catch (IllegalArgumentException e) {
            audit.record(user, action, target, comment, "refused: " + e.getMessage());
            throw e;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
