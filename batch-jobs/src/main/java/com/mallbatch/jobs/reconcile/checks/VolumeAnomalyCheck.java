package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Orders placed and variants listed on the business date against the account's trailing days (only days whose collect
 * completed count): a robust z-score around the weighted median, the same weekday weighing {@value #SAME_WEEKDAY} times
 * as much. WARN beyond |z| > {@code volumeWarnZ}, FAIL beyond {@code volumeFailZ}, and FAIL for a day without orders on
 * an account that has them on {@value #USUALLY_PERCENT}% of its days — what a crawler that silently read an empty list
 * would give.
 */
public final class VolumeAnomalyCheck implements ReconcileCheck {

    public static final String NAME = "volume_anomaly";
    static final int SAME_WEEKDAY = 3;
    static final int USUALLY_PERCENT = 80;

    private final ReconcileFacts facts;

    public VolumeAnomalyCheck(ReconcileFacts facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        LocalDate date = scope.businessDate();
        ReconcileThresholds limits = scope.thresholds();
        List<DayVolume> days = facts.volumes(scope.account().id(), date.minusDays(limits.volumeWindowDays()), date);
        Optional<DayVolume> today = days.stream().filter(d -> d.day().equals(date)).findFirst();
        List<DayVolume> history = days.stream().filter(d -> d.day().isBefore(date)).toList();
        String thresholds = "needs >= " + limits.volumeMinPoints() + " of " + limits.volumeWindowDays() + " days; WARN |z| > "
                + limits.volumeWarnZ() + ", FAIL |z| > " + limits.volumeFailZ() + " or no orders on a usually busy account";
        if (today.isEmpty()) {
            return new CheckOutcome(NAME, List.of(new CheckResult("", null, "z", thresholds, Verdict.PASS,
                    "not judged: the collect of " + date + " did not complete (see freshness)")), List.of(), Set.of());
        }
        if (history.size() < limits.volumeMinPoints()) {
            return new CheckOutcome(NAME, List.of(new CheckResult("", null, "z", thresholds, Verdict.PASS,
                    "not judged yet: " + history.size() + " collected day(s) in the trailing window")), List.of(), Set.of());
        }
        List<CheckResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        judge("orders", DayVolume::orders, today.get(), history, limits, thresholds, results, findings);
        judge("active_skus", DayVolume::activeSkus, today.get(), history, limits, thresholds, results, findings);
        return CheckOutcome.complete(NAME, results, findings);
    }

    private static void judge(String measure, ToLongFunction<DayVolume> value, DayVolume today, List<DayVolume> history,
                              ReconcileThresholds limits, String thresholds, List<CheckResult> results,
                              List<Finding> findings) {
        List<WeightedRobustScore.Point> points = history.stream().map(d -> new WeightedRobustScore.Point(
                value.applyAsLong(d), d.day().getDayOfWeek() == today.day().getDayOfWeek() ? SAME_WEEKDAY : 1)).toList();
        WeightedRobustScore score = new WeightedRobustScore(points);
        long x = value.applyAsLong(today);
        double z = score.z(x);
        long busyDays = history.stream().filter(d -> value.applyAsLong(d) > 0).count();
        boolean usuallyBusy = busyDays * 100 >= (long) USUALLY_PERCENT * history.size();
        boolean emptyDay = x == 0 && usuallyBusy;
        Verdict verdict = emptyDay || Math.abs(z) > limits.volumeFailZ() ? Verdict.FAIL
                : Math.abs(z) > limits.volumeWarnZ() ? Verdict.WARN : Verdict.PASS;
        String detail = String.format("%s %d on %s against a median of %.0f (scale %.1f) over %d day(s): z = %.2f%s",
                measure, x, today.day(), score.median(), score.scale(), history.size(), z,
                emptyDay ? "; none at all on an account that has them on " + busyDays + " of " + history.size() + " days" : "");
        results.add(new CheckResult(measure, BigDecimal.valueOf(z).setScale(2, RoundingMode.HALF_UP), "z", thresholds,
                verdict, detail));
        if (verdict != Verdict.PASS) {
            findings.add(new Finding(emptyDay ? "NO_ROWS" : "VOLUME_ANOMALY", measure,
                    verdict == Verdict.FAIL ? Severity.HIGH : Severity.MEDIUM, null, detail));
        }
    }
}
