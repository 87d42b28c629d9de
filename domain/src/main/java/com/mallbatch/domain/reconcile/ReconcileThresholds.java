package com.mallbatch.domain.reconcile;

import java.math.BigDecimal;

/**
 * The limits the checks judge by, per tenant (with defaults for all).
 *
 * @param freshnessWarnHours    data older than this is a WARN
 * @param freshnessFailHours    … and a FAIL
 * @param stockMatchGoalPercent share of variants whose listed stock equals master available below which the stock
 *                              check WARNs (an oversell risk FAILs whatever the share)
 * @param amountToleranceWon    an order amount difference up to this many won passes …
 * @param amountTolerancePercent … or up to this share of the mall's amount, whichever is larger
 * @param volumeWindowDays      trailing days the volume check compares with
 * @param volumeMinPoints       fewest collected days it needs to judge
 * @param volumeWarnZ           robust z-score beyond which it WARNs
 * @param volumeFailZ           … and FAILs
 * @param reverifyMinSample     fewest crawled variants re-read per account
 * @param reverifySharePercent  share of crawled variants re-read, when that is more
 * @param reverifyGoalPercent   re-verification FAILs a field when even the upper bound of its accuracy's Wilson
 *                              interval is below this (any differing field WARNs)
 * @param layoutDropPoints      a field's parse rate this many points below the account's trailing rate WARNs
 */
public record ReconcileThresholds(double freshnessWarnHours, double freshnessFailHours, double stockMatchGoalPercent,
                                  BigDecimal amountToleranceWon, double amountTolerancePercent, int volumeWindowDays,
                                  int volumeMinPoints, double volumeWarnZ, double volumeFailZ, int reverifyMinSample,
                                  double reverifySharePercent, double reverifyGoalPercent, double layoutDropPoints) {

    /** The defaults the README documents. */
    public static ReconcileThresholds defaults() {
        return new ReconcileThresholds(26, 36, 99.5, BigDecimal.TEN, 0.1, 28, 7, 3, 5, 30, 2, 99, 2);
    }
}
