package com.mallbatch.domain.port;

import com.mallbatch.domain.DailyTotals;

/** Where the malls' own per-day totals are kept as they are read; a later read of the same day replaces the figures. */
public interface DailyTotalsLog {

    void record(DailyTotals totals);
}
