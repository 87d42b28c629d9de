package com.mallbatch.domain.reconcile;

/**
 * How old an account's data is, per dataset, as of a business date's reconcile.
 *
 * @param stockAgeHours         hours since its stock was last confirmed by a collect (a stale row keeps the time it was
 *                              last seen for real); null when it never was
 * @param staleStockRows        rows of its newest stock a later collect could not confirm (kept, marked stale)
 * @param stockRowsOfDate       complete stock rows of the business date
 * @param ordersAgeHours        hours since its orders stage last completed; null when it never did
 * @param ordersCollectedOnDate whether a collect of the business date completed its orders stage
 */
public record Freshness(Double stockAgeHours, long staleStockRows, long stockRowsOfDate, Double ordersAgeHours,
                        boolean ordersCollectedOnDate) {
}
