package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A site that changed its pages often still crawls: rows whose field no longer parses are skipped, the rest load. Per
 * field of the site profile, the business date's newest crawl's parse rate against the account's earlier crawls of
 * the trailing {@code volumeWindowDays}: {@code layoutDropPoints} or more below is a WARN and a break (MEDIUM), even
 * though the crawl did not fail. A field without earlier crawls is not judged yet.
 */
public final class LayoutDriftCheck implements ReconcileCheck {

    public static final String NAME = "layout_drift";
    public static final String LAYOUT_DRIFT = "LAYOUT_DRIFT";

    private final ReconcileFacts facts;

    public LayoutDriftCheck(ReconcileFacts facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(MallAccount account) {
        return account.platform() == Platform.CRAWL;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        double drop = scope.thresholds().layoutDropPoints();
        String thresholds = "WARN when >= " + drop + " points below the trailing " + scope.thresholds().volumeWindowDays()
                + " days' rate";
        List<CheckResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        for (FieldParseRate rate : facts.fieldParseRates(scope.account().id(),
                scope.businessDate().minusDays(scope.thresholds().volumeWindowDays()), scope.businessDate())) {
            String key = rate.entity() + "." + rate.field();
            if (rate.rate() == null || rate.trailingRate() == null) {
                continue;
            }
            settled.add(key);
            double points = (rate.trailingRate() - rate.rate()) * 100;
            boolean drifted = points >= drop;
            String detail = String.format("%s parsed in %d of %d rows (%.2f%%) against %.2f%% before", key,
                    rate.rowsParsed(), rate.rowsSeen(), rate.rate() * 100, rate.trailingRate() * 100);
            results.add(new CheckResult(key, BigDecimal.valueOf(rate.rate() * 100).setScale(2, RoundingMode.HALF_UP),
                    "%", thresholds, drifted ? Verdict.WARN : Verdict.PASS, detail));
            if (drifted) {
                findings.add(new Finding(LAYOUT_DRIFT, key, Severity.MEDIUM, null, scope.account().crawlProfile()
                        + ": " + detail + " — the site's pages may have changed; check the profile's selectors"));
            }
        }
        if (results.isEmpty()) {
            results.add(new CheckResult("", null, "%", thresholds, Verdict.PASS,
                    "not judged yet: no earlier crawl of the account in the window"));
        }
        return new CheckOutcome(NAME, results, findings, settled);
    }
}
