package com.mallbatch.domain.port;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.CollectedVariant;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.Freshness;
import com.mallbatch.domain.reconcile.StockPosition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What reconciliation reads of the collected data, per account and business date. */
public interface ReconcileFacts {

    /** How old the account's data of the date is at {@code asOf}. */
    Freshness freshness(long accountId, LocalDate businessDate, Instant asOf);

    /** Whether the tenant imported any master inventory dated up to the business date. */
    boolean hasMasterInventory(String tenantKey, LocalDate businessDate);

    /** The account's complete, confirmed (not stale) stock rows of the date, each beside the master inventory. */
    List<StockPosition> stockPositions(long accountId, String tenantKey, LocalDate businessDate);

    /** SKUs in the tenant's master inventory that no account of the tenant lists on the date. */
    List<String> masterSkusListedNowhere(String tenantKey, LocalDate businessDate);

    CollectedDay collectedDay(long accountId, LocalDate day);

    /** The mall's own totals of the day, as recorded (a seller center's totals box, a sales report). */
    List<DailyTotals> mallTotals(long accountId, LocalDate day);

    /** The account's volume on each day from {@code from} to {@code to} whose collect completed. */
    List<DayVolume> volumes(long accountId, LocalDate from, LocalDate to);

    /** The account's variants with their complete, confirmed stock of the date. */
    List<CollectedVariant> collectedVariants(long accountId, LocalDate businessDate);

    /** Per profile field, the date's newest crawl of the account against its crawls of the days before, back to {@code from}. */
    List<FieldParseRate> fieldParseRates(long accountId, LocalDate from, LocalDate businessDate);

    /** Keys of the account's breaks of a check that are still open or acknowledged. */
    List<String> openBreakKeys(long accountId, String check);
}
