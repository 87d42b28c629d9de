package com.mallbatch.domain.reconcile;

import java.util.List;
import java.util.Set;

/**
 * What one check found for one account and business date: its measurements and its breaks. {@code settledKeys} are
 * the break keys it actually looked at and found matching or not — only open breaks of those keys may be resolved by
 * this run; {@code null} means it looked at everything it covers (a check that could not look, e.g. because the
 * mall's report is late, settles nothing).
 */
public record CheckOutcome(String check, List<CheckResult> results, List<Finding> findings, Set<String> settledKeys) {

    public CheckOutcome {
        results = List.copyOf(results);
        findings = List.copyOf(findings);
        settledKeys = settledKeys == null ? null : Set.copyOf(settledKeys);
    }

    public static CheckOutcome complete(String check, List<CheckResult> results, List<Finding> findings) {
        return new CheckOutcome(check, results, findings, null);
    }

    /** Whether an open break with this key may be resolved by this outcome when it is not among the findings. */
    public boolean settles(String key) {
        return settledKeys == null || settledKeys.contains(key);
    }

    public Verdict verdict() {
        return results.stream().map(CheckResult::verdict).reduce(Verdict.PASS, Verdict::worse);
    }
}
