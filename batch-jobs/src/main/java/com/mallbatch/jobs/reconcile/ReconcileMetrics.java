package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.reconcile.BreakAge;
import com.mallbatch.jobs.reconcile.checks.CrawlReverificationCheck;
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
        stockMatch.register(rates(byId, MatchRates.Rate.STOCK), true);
        reverifyAccuracy.register(rows(byId, ledger.newestResults(CrawlReverificationCheck.NAME, "%"),
                r -> Tags.of("field", r.subject()), r -> r.figure() == null ? null : r.figure().doubleValue()), true);
        orderMatch.register(rates(byId, MatchRates.Rate.ORDER), true);
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

    /** A match rate as {@link MatchRates} defines it, per tenant and platform, from each account's newest results. */
    private List<MultiGauge.Row<?>> rates(Map<Long, MallAccount> byId, MatchRates.Rate rate) {
        return rows(byId, ledger.newestResults(rate.check(), rate.subjects()), r -> Tags.empty(), rate::value);
    }

    /** The mean of the values per tenant, platform and {@code more} tags; accounts not enabled are left out. */
    private static List<MultiGauge.Row<?>> rows(Map<Long, MallAccount> byId, List<AccountResult> results,
                                                Function<AccountResult, Tags> more, Function<AccountResult, Double> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        MatchRates.means(results, r -> byId.containsKey(r.accountId()) ? tags(byId.get(r.accountId())).and(more.apply(r))
                : null, value).forEach((tags, mean) -> rows.add(MultiGauge.Row.of(tags, mean)));
        return rows;
    }

    private static Tags tags(MallAccount account) {
        return Tags.of("tenant", account.tenantKey(), "platform", account.platform().name());
    }
}
