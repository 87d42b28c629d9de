package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.Map;

/**
 * One account's reconcile, as a chunk-oriented step over check names: this processor runs a check, the
 * {@link #recorder} writes its outcome (results and break events) in the chunk's transaction — so a check's outcome is either all recorded and
 * counted as done, or not at all and run again on restart.
 */
final class AccountCheckRun implements ItemProcessor<String, AccountCheckRun.Recorded> {

    /** A check's outcome for the account and date, ready to record. */
    record Recorded(long accountId, LocalDate businessDate, CheckOutcome outcome, long jobExecutionId) {
    }

    private final Map<String, ReconcileCheck> checks;
    private final ReconcileCheck.Scope scope;
    private final long jobExecutionId;

    AccountCheckRun(Map<String, ReconcileCheck> checks, ReconcileCheck.Scope scope, long jobExecutionId) {
        this.checks = checks;
        this.scope = scope;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public Recorded process(String name) {
        ReconcileCheck check = checks.get(name);
        MallAccount account = scope.account();
        if (!check.appliesTo(account)) {
            return null;
        }
        try {
            return new Recorded(account.id(), scope.businessDate(), check.run(scope), jobExecutionId);
        } catch (RuntimeException e) {
            throw new CheckFailedException(account.label() + ": check " + name + " of " + scope.businessDate()
                    + " could not run: " + e.getMessage() + "; rerun the same command to resume from this check", e);
        }
    }

    /** Records each outcome of a chunk in the chunk's transaction. */
    static ItemWriter<Recorded> recorder(BreakLifecycle lifecycle) {
        return chunk -> {
            for (Recorded r : chunk) {
                lifecycle.record(r.accountId(), r.businessDate(), r.outcome(), r.jobExecutionId());
            }
        };
    }

    /** A check that could not run at all (a mall or the database did not answer): the account's reconcile fails. */
    static final class CheckFailedException extends RuntimeException {
        CheckFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
