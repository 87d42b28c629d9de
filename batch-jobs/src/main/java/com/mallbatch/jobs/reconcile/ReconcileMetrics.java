package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.reconcile.BreakAge;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.reconcile.checks.CrawlReverificationCheck;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import com.mallbatch.jobs.reconcile.checks.StockVsMasterCheck;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.AccountResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reconciliation as gauges per tenant and platform, re-read after every reconcile run: the stock match rate (mean of
 * each account's newest share of matching variants), the order match rate (share of the newest compared days that
 * matched the mall's totals), open breaks by severity and age bucket, and, per field where crawled variants were
 * re-read, the re-verification accuracy (the Wilson lower bound).
 */
public final class ReconcileMetrics {

    private final JdbcReconcileLedger ledger;
    private final MallAccounts accounts;
    private final Clock clock;
    private final MultiGauge stockMatch;
    private final MultiGauge orderMatch;
    private final MultiGauge openBreaks;
    private final MultiGauge reverifyAccuracy;

    public ReconcileMetrics(JdbcReconcileLedger ledger, MallAccounts accounts, Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
        this.stockMatch = MultiGauge.builder("mallbatch.reconcile.stock.match.rate").baseUnit("percent")
                .description("Share of listed variants whose stock equals master available").register(meters);
        this.orderMatch = MultiGauge.builder("mallbatch.reconcile.order.match.rate").baseUnit("percent")
                .description("Share of compared days whose collected orders match the mall's own totals").register(meters);
        this.openBreaks = MultiGauge.builder("mallbatch.reconcile.breaks.open")
                .description("Breaks open or acknowledged, by severity and age").register(meters);
        this.reverifyAccuracy = MultiGauge.builder("mallbatch.reconcile.reverify.accuracy").baseUnit("percent")
                .description("Wilson 95% lower bound of re-verified crawled fields' accuracy").register(meters);
    }

    public synchronized void refresh() {
        Map<Long, MallAccount> byId = accounts.enabled().stream()
                .collect(Collectors.toMap(MallAccount::id, Function.identity()));
        stockMatch.register(rates(byId, ledger.newestResults(StockVsMasterCheck.NAME, ""), r -> Tags.empty(),
                r -> r.figure() == null ? null : r.figure().doubleValue()), true);
        reverifyAccuracy.register(rates(byId, ledger.newestResults(CrawlReverificationCheck.NAME, "%"),
                r -> Tags.of("field", r.subject()), r -> r.figure() == null ? null : r.figure().doubleValue()), true);
        orderMatch.register(rates(byId, ledger.newestResults(OrdersVsMallTotalsCheck.NAME, "%"), r -> Tags.empty(),
                ReconcileMetrics::matched), true);
        LocalDate today = LocalDate.now(clock.withZone(BusinessDate.SEOUL));
        Map<Tags, Integer> open = new HashMap<>();
        for (JdbcReconcileLedger.BreakRow row : ledger.unresolved()) {
            MallAccount account = byId.get(row.accountId());
            if (account != null) {
                open.merge(tags(account).and("severity", row.severity().name(), "age",
                        BreakAge.of(row.openedOn(), today).label()), 1, Integer::sum);
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        open.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
        openBreaks.register(rows, true);
    }

    /** A compared day: 100 when it matched, 0 when not; a pending or uncompared one is no value (null). */
    private static Double matched(AccountResult result) {
        if (result.figure() == null || result.verdict() == Verdict.PENDING) {
            return null;
        }
        return result.verdict() == Verdict.PASS ? Double.valueOf(100) : Double.valueOf(0);
    }

    /** The mean of each account's value per tenant, platform and {@code more} tags; accounts without one are left out. */
    private static List<MultiGauge.Row<?>> rates(Map<Long, MallAccount> byId, List<AccountResult> results,
                                                 Function<AccountResult, Tags> more, Function<AccountResult, Double> value) {
        Map<Tags, double[]> sums = new HashMap<>();
        for (AccountResult result : results) {
            MallAccount account = byId.get(result.accountId());
            Double v = value.apply(result);
            if (account != null && v != null) {
                double[] sum = sums.computeIfAbsent(tags(account).and(more.apply(result)), t -> new double[2]);
                sum[0] += v;
                sum[1]++;
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        sums.forEach((tags, sum) -> rows.add(MultiGauge.Row.of(tags, sum[0] / sum[1])));
        return rows;
    }

    private static Tags tags(MallAccount account) {
        return Tags.of("tenant", account.tenantKey(), "platform", account.platform().name());
    }
}
