package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.CollectedVariant;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.Freshness;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.StockPosition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Facts a check unit test sets by hand: the checks are calculators over them. */
final class FakeFacts implements ReconcileFacts {

    static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    static final MallAccount ACCOUNT = new MallAccount(7, "acme", Platform.CAFE24, "acmeshop", null,
            RateBudget.CAFE24_DEFAULT, null, true);

    Freshness freshness = new Freshness(1.0, 0, 10, 1.0, true);
    boolean master = true;
    List<StockPosition> positions = new ArrayList<>();
    List<String> listedNowhere = new ArrayList<>();
    CollectedDay collected = new CollectedDay(DATE, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    List<DailyTotals> totals = new ArrayList<>();
    List<DayVolume> volumes = new ArrayList<>();

    static final MallAccount CRAWLED = new MallAccount(8, "acme", Platform.CRAWL, "easyseller01", "http://center",
            RateBudget.CAFE24_DEFAULT, "easyseller", true);

    static ReconcileCheck.Scope scope() {
        return scope(ACCOUNT);
    }

    static ReconcileCheck.Scope scope(MallAccount account) {
        return new ReconcileCheck.Scope(account, DATE, ReconcileThresholds.defaults(), true, false);
    }

    @Override
    public Freshness freshness(long accountId, LocalDate businessDate, java.time.Instant asOf) {
        return freshness;
    }

    @Override
    public boolean hasMasterInventory(String tenantKey, LocalDate businessDate) {
        return master;
    }

    @Override
    public List<StockPosition> stockPositions(long accountId, String tenantKey, LocalDate businessDate) {
        return positions;
    }

    @Override
    public List<String> masterSkusListedNowhere(String tenantKey, LocalDate businessDate) {
        return listedNowhere;
    }

    @Override
    public CollectedDay collectedDay(long accountId, LocalDate day) {
        return collected;
    }

    @Override
    public List<DailyTotals> mallTotals(long accountId, LocalDate day) {
        return totals;
    }

    @Override
    public List<DayVolume> volumes(long accountId, LocalDate from, LocalDate to) {
        return volumes.stream().filter(v -> !v.day().isBefore(from) && !v.day().isAfter(to)).toList();
    }

    List<CollectedVariant> variants = new ArrayList<>();
    List<FieldParseRate> parseRates = new ArrayList<>();
    List<String> openKeys = new ArrayList<>();

    @Override
    public List<CollectedVariant> collectedVariants(long accountId, LocalDate businessDate) {
        return variants;
    }

    @Override
    public List<FieldParseRate> fieldParseRates(long accountId, LocalDate from, LocalDate businessDate) {
        return parseRates;
    }

    @Override
    public List<String> openBreakKeys(long accountId, String check) {
        return openKeys;
    }
}
