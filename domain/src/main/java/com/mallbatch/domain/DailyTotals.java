package com.mallbatch.domain;

import java.time.LocalDate;

/**
 * A mall's own count and amount of one day's orders, as it shows them (a seller center's totals box, a sales report);
 * reconciliation compares them with the collected lines. Either figure may be null when the mall shows only the other.
 *
 * @param source what the figures came from, e.g. {@code CRAWL_LIST}
 */
public record DailyTotals(long accountId, LocalDate day, String source, Integer orderCount, Money amount) {
}
