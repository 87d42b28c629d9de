package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.ReportNotReadyException;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.MallRefusedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The business date's collected orders against the mall's own totals of that day: the totals box a seller center
 * shows (recorded while collecting) and the sales report an API offers (asked for now). The order count must be equal;
 * the amount may differ by max(₩{@code amountToleranceWon}, {@code amountTolerancePercent}% of the mall's). Each source
 * counts in its own way, so the collected side is summed the same way ({@link #DEFINITIONS}). Days of the last
 * {@value #REVISIT_DAYS} with an open break are compared again, so a day put right (a late order collected, a report
 * corrected) resolves its break.
 *
 * <p>A report the mall has not published yet (the adapter knows when it is due: Cafe24's at D+1
 * {@code mallbatch.cafe24.report-ready-at}) is PENDING: asked again by a later run (the scheduler's morning re-check),
 * not a break — until it is {@value #GRACE_HOURS} hours overdue, when it is a {@code REPORT_MISSING} break. A mall that
 * refuses the report for good (a scope the app was not granted) is a {@code REPORT_REFUSED} break saying what to do,
 * not a failed run. A paused account's mall is not asked.
 */
public final class OrdersVsMallTotalsCheck implements ReconcileCheck {

    public static final String NAME = "orders_vs_mall_totals";
    public static final String TOTALS_DIFFER = "TOTALS_DIFFER";
    static final String REPORT_MISSING = "REPORT_MISSING";
    static final String REPORT_REFUSED = "REPORT_REFUSED";
    static final String REPORT = "report";
    static final int REVISIT_DAYS = 31;
    static final int GRACE_HOURS = 48;
    private static final BigDecimal HIGH_AMOUNT = BigDecimal.valueOf(100_000);
    private static final String RETRIED = "asked again until the mall publishes it; a break after " + GRACE_HOURS + " h";

    /** How each source of totals counts a day, in terms of the collected orders. */
    record Definition(Function<CollectedDay, Long> count, Function<CollectedDay, BigDecimal> amount, String meaning) {
    }

    static final Map<String, Definition> DEFINITIONS = Map.of(
            "CRAWL_LIST", new Definition(CollectedDay::orders, CollectedDay::paidExceptCancelled,
                    "orders placed that day; what their lines paid except cancelled lines"),
            "CAFE24_DAILYSALES", new Definition(CollectedDay::paidOrders, CollectedDay::paidOrderAmount,
                    "paid orders placed that day; their payment amount net of refunds"));

    private final ReconcileFacts facts;
    private final SalesReports reports;
    private final Clock clock;

    public OrdersVsMallTotalsCheck(ReconcileFacts facts, SalesReports reports, Clock clock) {
        this.facts = facts;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        for (LocalDate day : days(scope)) {
            compareDay(scope, day, results, findings, settled);
        }
        if (results.isEmpty()) {
            results.add(new CheckResult("", null, "won", "-", Verdict.PASS,
                    "nothing to compare: " + scope.account().platform() + " shows no totals of the day"));
        }
        return new CheckOutcome(NAME, results, findings, settled);
    }

    /** The business date, and the earlier days that still have an open break of this check. */
    private Set<LocalDate> days(Scope scope) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(scope.businessDate());
        for (String key : facts.openBreakKeys(scope.account().id(), NAME)) {
            int slash = key.indexOf('/');
            LocalDate day = slash < 0 ? null : LocalDate.parse(key.substring(0, slash));
            if (day != null && day.isBefore(scope.businessDate())
                    && !day.isBefore(scope.businessDate().minusDays(REVISIT_DAYS))) {
                days.add(day);
            }
        }
        return days;
    }

    private void compareDay(Scope scope, LocalDate day, List<CheckResult> results, List<Finding> findings,
                            Set<String> settled) {
        MallAccount account = scope.account();
        String prefix = day.equals(scope.businessDate()) ? "" : day + "/";
        List<DailyTotals> totals = new ArrayList<>(facts.mallTotals(account.id(), day));
        if (!scope.paused()) {
            try {
                reports.salesReport(account, day).ifPresent(report -> {
                    totals.removeIf(t -> t.source().equals(report.source()));
                    totals.add(report);
                    settled.add(day + "/" + REPORT);
                    settled.add(REPORT);
                    results.add(new CheckResult(prefix + REPORT, null, "won", RETRIED, Verdict.PASS,
                            report.source() + " of " + day + " published"));
                });
            } catch (ReportNotReadyException e) {
                settled.add(REPORT);
                notReady(e, day, prefix, results, findings);
            } catch (MallRefusedException e) {
                results.add(new CheckResult(prefix + REPORT, null, "won", "a refusal is a break", Verdict.FAIL,
                        e.getMessage()));
                findings.add(new Finding(REPORT_REFUSED, REPORT, Severity.HIGH, null, e.getMessage()));
            }
        }
        CollectedDay collected = facts.collectedDay(account.id(), day);
        for (DailyTotals mall : totals) {
            Definition definition = DEFINITIONS.get(mall.source());
            if (definition != null) {
                String key = day + "/" + mall.source();
                settled.add(key);
                compare(mall, definition, collected, scope.thresholds(), key, prefix, results, findings);
            }
        }
    }

    private void notReady(ReportNotReadyException e, LocalDate day, String prefix, List<CheckResult> results,
                          List<Finding> findings) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BusinessDate.SEOUL);
        boolean overdue = e.readyAt() != null && now.isAfter(e.readyAt().plus(Duration.ofHours(GRACE_HOURS)));
        results.add(new CheckResult(prefix + REPORT, null, "won", RETRIED, overdue ? Verdict.FAIL : Verdict.PENDING,
                e.getMessage()));
        if (overdue) {
            findings.add(new Finding(REPORT_MISSING, day + "/" + REPORT, Severity.MEDIUM, null, "the mall's report of "
                    + day + " was due at " + e.readyAt() + " and is still not there: " + e.getMessage()));
        }
    }

    private static void compare(DailyTotals mall, Definition definition, CollectedDay collected,
                                ReconcileThresholds limits, String key, String prefix, List<CheckResult> results,
                                List<Finding> findings) {
        long ours = definition.count().apply(collected);
        BigDecimal ourAmount = definition.amount().apply(collected);
        Integer theirCount = mall.orderCount();
        BigDecimal theirAmount = mall.amount() == null ? null : mall.amount().amount();
        long countDiff = theirCount == null ? 0 : theirCount - ours;
        BigDecimal amountDiff = theirAmount == null ? BigDecimal.ZERO : theirAmount.subtract(ourAmount);
        BigDecimal tolerance = theirAmount == null ? BigDecimal.ZERO : limits.amountToleranceWon().max(theirAmount.abs()
                .multiply(BigDecimal.valueOf(limits.amountTolerancePercent())).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP));
        boolean breaks = countDiff != 0 || amountDiff.abs().compareTo(tolerance) > 0;
        String evidence = mall.source() + " " + mall.day() + ": mall " + (theirCount == null ? "?" : theirCount)
                + " orders / ₩" + (theirAmount == null ? "?" : theirAmount.toPlainString()) + ", collected " + ours
                + " / ₩" + ourAmount.toPlainString() + " (" + definition.meaning() + ")";
        results.add(new CheckResult(prefix + mall.source(), amountDiff.abs(), "won", "count difference 0, amount "
                + "difference <= max(₩" + limits.amountToleranceWon().toPlainString() + ", "
                + limits.amountTolerancePercent() + "%) = ₩" + tolerance.toPlainString(),
                breaks ? Verdict.FAIL : Verdict.PASS, evidence));
        if (breaks) {
            Severity severity = countDiff != 0 || amountDiff.abs().compareTo(HIGH_AMOUNT) >= 0 ? Severity.HIGH : Severity.MEDIUM;
            findings.add(new Finding(TOTALS_DIFFER, key, severity, amountDiff.abs(), evidence));
        }
    }
}
