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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The business date's collected orders against the mall's own totals of that day: the totals box a seller center
 * shows (recorded while collecting) and the sales report an API offers (asked for now). The order count must be equal;
 * the amount may differ by max(₩{@code amountToleranceWon}, {@code amountTolerancePercent}% of the mall's). Each source
 * counts in its own way, so the collected side is summed the same way ({@link #DEFINITIONS}). A report the mall has
 * not published yet (the adapter knows when it is: Cafe24's at D+1 {@code mallbatch.cafe24.report-ready-at}) is
 * PENDING: asked again by a later run (the scheduler's re-check), not a break.
 */
public final class OrdersVsMallTotalsCheck implements ReconcileCheck {

    public static final String NAME = "orders_vs_mall_totals";
    public static final String TOTALS_DIFFER = "TOTALS_DIFFER";
    private static final BigDecimal HIGH_AMOUNT = BigDecimal.valueOf(100_000);

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

    public OrdersVsMallTotalsCheck(ReconcileFacts facts, SalesReports reports) {
        this.facts = facts;
        this.reports = reports;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        MallAccount account = scope.account();
        LocalDate day = scope.businessDate();
        List<DailyTotals> totals = new ArrayList<>(facts.mallTotals(account.id(), day));
        List<CheckResult> results = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        try {
            reports.salesReport(account, day).ifPresent(report -> {
                totals.removeIf(t -> t.source().equals(report.source()));
                totals.add(report);
            });
        } catch (ReportNotReadyException e) {
            results.add(new CheckResult("report", null, "won", "asked again until the mall publishes it",
                    Verdict.PENDING, e.getMessage()));
        }
        CollectedDay collected = facts.collectedDay(account.id(), day);
        List<Finding> findings = new ArrayList<>();
        for (DailyTotals mall : totals) {
            Definition definition = DEFINITIONS.get(mall.source());
            if (definition == null) {
                continue;
            }
            String key = day + "/" + mall.source();
            settled.add(key);
            compare(mall, definition, collected, scope.thresholds(), key, results, findings);
        }
        if (results.isEmpty()) {
            results.add(new CheckResult("", null, "won", "-", Verdict.PASS,
                    "nothing to compare: " + account.platform() + " shows no totals of the day"));
        }
        return new CheckOutcome(NAME, results, findings, settled);
    }

    private void compare(DailyTotals mall, Definition definition, CollectedDay collected, ReconcileThresholds limits,
                         String key, List<CheckResult> results, List<Finding> findings) {
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
        results.add(new CheckResult(mall.source(), amountDiff.abs(), "won", "count difference 0, amount difference <= "
                + "max(₩" + limits.amountToleranceWon().toPlainString() + ", " + limits.amountTolerancePercent() + "%) = ₩"
                + tolerance.toPlainString(), breaks ? Verdict.FAIL : Verdict.PASS, evidence));
        if (breaks) {
            Severity severity = countDiff != 0 || amountDiff.abs().compareTo(HIGH_AMOUNT) >= 0 ? Severity.HIGH : Severity.MEDIUM;
            findings.add(new Finding(TOTALS_DIFFER, key, severity, amountDiff.abs(), evidence));
        }
    }
}
