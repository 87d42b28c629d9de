package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import com.mallbatch.jobs.reconcile.checks.StockVsMasterCheck;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.AccountResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a match rate is, in one place, for the gauges ({@link ReconcileMetrics}) and the admin web's per-seller page:
 * the stock match rate is the mean of the accounts' stock-vs-master figures (the share of listed variants whose stock
 * equals master available, subject ''), the order match rate the share of compared days whose collected orders
 * matched the mall's own totals (each day a subject; a pending or uncompared day counts for nothing).
 */
public final class MatchRates {

    /** Which check's results, with which subjects (a LIKE pattern), and what each result is worth. */
    public enum Rate {
        STOCK(StockVsMasterCheck.NAME, "", MatchRates::figure),
        ORDER(OrdersVsMallTotalsCheck.NAME, "%", MatchRates::matched);

        private final String check;
        private final String subjects;
        private final Function<AccountResult, Double> value;

        Rate(String check, String subjects, Function<AccountResult, Double> value) {
            this.check = check;
            this.subjects = subjects;
            this.value = value;
        }

        public String check() {
            return check;
        }

        public String subjects() {
            return subjects;
        }

        /** A result's value in percent, or null when it holds none (not counted in a mean). */
        public Double value(AccountResult result) {
            return value.apply(result);
        }

        /** The mean value of the results per group (a null group: left out); a group with no value is left out. */
        public <K> Map<K, Double> means(List<AccountResult> results, Function<AccountResult, K> group) {
            return MatchRates.means(results, group, this::value);
        }
    }

    /** The mean of the values per group; results of a null group or with no value are left out. */
    public static <K> Map<K, Double> means(List<AccountResult> results, Function<AccountResult, K> group,
                                           Function<AccountResult, Double> value) {
        Map<K, double[]> sums = new LinkedHashMap<>();
        for (AccountResult result : results) {
            K key = group.apply(result);
            Double v = value.apply(result);
            if (key != null && v != null) {
                double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
                sum[0] += v;
                sum[1]++;
            }
        }
        Map<K, Double> means = new LinkedHashMap<>();
        sums.forEach((key, sum) -> means.put(key, sum[0] / sum[1]));
        return means;
    }

    private MatchRates() {
    }

    private static Double figure(AccountResult result) {
        return result.figure() == null ? null : result.figure().doubleValue();
    }

    /** A compared day: 100 when it matched, 0 when not; a pending or uncompared one is no value (null). */
    private static Double matched(AccountResult result) {
        if (result.figure() == null || result.verdict() == Verdict.PENDING) {
            return null;
        }
        return result.verdict() == Verdict.PASS ? Double.valueOf(100) : Double.valueOf(0);
    }
}
