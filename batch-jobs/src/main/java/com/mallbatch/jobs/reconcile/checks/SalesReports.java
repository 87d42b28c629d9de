package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MallAccount;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A mall's own sales report of a day, asked for when reconciling (and recorded beside the other totals): empty where
 * the platform has none.
 *
 * @see com.mallbatch.domain.ReportNotReadyException thrown while the mall has not published the day
 */
@FunctionalInterface
public interface SalesReports {

    Optional<DailyTotals> salesReport(MallAccount account, LocalDate day);
}
