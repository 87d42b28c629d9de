package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Freshness;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.support.BusinessDate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Freshness per dataset (stock, orders): hours since a collect last confirmed it, as of the run — or, for a date
 * reconciled again later, as of D+1 {@value #AS_OF_HOUR}:00, so a later run of a past date judges it as its night
 * did and records nothing new. Beyond the hour limits, the
 * business date itself counts: stock kept stale because the date's collect could not confirm it, a date whose collect
 * never completed, and a paused account are at least a WARN — an account that did not collect never looks fine.
 */
public final class FreshnessCheck implements ReconcileCheck {

    public static final String NAME = "freshness";

    /** Data of date D is judged as of the night after it, at the latest at D+1 {@value #AS_OF_HOUR}:00. */
    static final int AS_OF_HOUR = 6;

    private final ReconcileFacts facts;
    private final AccountHealthStore health;
    private final Clock clock;

    public FreshnessCheck(ReconcileFacts facts, AccountHealthStore health, Clock clock) {
        this.facts = facts;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        Instant cutoff = scope.businessDate().plusDays(1).atTime(AS_OF_HOUR, 0).atZone(BusinessDate.SEOUL).toInstant();
        Instant now = clock.instant();
        Freshness freshness = facts.freshness(scope.account().id(), scope.businessDate(),
                now.isBefore(cutoff) ? now : cutoff);
        AccountHealth state = health.get(scope.account().id());
        List<String> stockReasons = new ArrayList<>();
        if (freshness.staleStockRows() > 0) {
            stockReasons.add(freshness.staleStockRows() + " stock rows kept stale: a collect could not confirm them");
        }
        if (freshness.stockRowsOfDate() == 0) {
            stockReasons.add("no complete stock of " + scope.businessDate());
        }
        List<String> orderReasons = new ArrayList<>();
        if (!freshness.ordersCollectedOnDate()) {
            orderReasons.add("the orders of " + scope.businessDate() + " were not collected");
        }
        String common = common(state);
        List<CheckResult> results = List.of(
                judge("stock", freshness.stockAgeHours(), stockReasons, common, scope.thresholds()),
                judge("orders", freshness.ordersAgeHours(), orderReasons, common, scope.thresholds()));
        List<Finding> findings = new ArrayList<>();
        for (CheckResult result : results) {
            if (result.verdict() == Verdict.WARN || result.verdict() == Verdict.FAIL) {
                findings.add(new Finding("STALE_DATA", result.subject(),
                        result.verdict() == Verdict.FAIL ? Severity.HIGH : Severity.MEDIUM, null,
                        result.subject() + " " + result.detail()));
            }
        }
        return CheckOutcome.complete(NAME, results, findings);
    }

    /** Why the account itself may be behind: paused, or its last run failed. */
    private static String common(AccountHealth state) {
        if (state.paused()) {
            return "account paused since " + state.pausedAt() + ": " + state.pausedReason();
        }
        if (state.consecutiveFailures() > 0) {
            return "last collect failed in " + state.lastFailureStage() + ": " + state.lastFailureMessage();
        }
        return null;
    }

    private static CheckResult judge(String dataset, Double ageHours, List<String> reasons, String common,
                                     ReconcileThresholds limits) {
        String thresholds = "WARN > " + limits.freshnessWarnHours() + " h, FAIL > " + limits.freshnessFailHours()
                + " h, or not collected on the date / stale / paused: WARN";
        List<String> why = new ArrayList<>(reasons);
        Verdict verdict;
        if (ageHours == null) {
            verdict = Verdict.FAIL;
            why.add(0, "never collected");
        } else {
            verdict = ageHours > limits.freshnessFailHours() ? Verdict.FAIL
                    : ageHours > limits.freshnessWarnHours() ? Verdict.WARN : Verdict.PASS;
            if (verdict != Verdict.PASS) {
                why.add(0, String.format("last confirmed %.0f h ago", ageHours));
            }
        }
        if (!reasons.isEmpty() || (common != null && common.startsWith("account paused"))) {
            verdict = verdict.worse(Verdict.WARN);
        }
        if (verdict != Verdict.PASS && common != null) {
            why.add(common);
        }
        BigDecimal figure = ageHours == null ? null : BigDecimal.valueOf(ageHours).setScale(0, RoundingMode.HALF_UP);
        return new CheckResult(dataset, figure, "hours", thresholds, verdict, why.isEmpty() ? "fresh" : String.join("; ", why));
    }
}
