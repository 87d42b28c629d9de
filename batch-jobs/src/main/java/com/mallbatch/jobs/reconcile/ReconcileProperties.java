package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.reconcile.ReconcileThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Tuning of reconcileJob ({@code mallbatch.reconcile.*}).
 *
 * @param concurrency    accounts reconciled at the same time
 * @param checks         the checks to run, by name (default: all)
 * @param defaults       thresholds for every tenant; unset ones keep the documented defaults
 * @param tenants        per tenant key, thresholds that differ from {@code defaults}
 * @param recheckDays    how many days back the scheduler asks again for reports that were not ready
 */
@ConfigurationProperties("mallbatch.reconcile")
public record ReconcileProperties(@DefaultValue("4") int concurrency, List<String> checks, Overrides defaults,
                                  Map<String, Overrides> tenants, @DefaultValue("7") int recheckDays) {

    public ReconcileProperties {
        checks = checks == null ? List.of() : List.copyOf(checks);
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** The thresholds a tenant's accounts are judged by: the defaults, then the tenant's own. */
    public ReconcileThresholds thresholdsFor(String tenantKey) {
        ReconcileThresholds base = defaults == null ? ReconcileThresholds.defaults() : defaults.over(ReconcileThresholds.defaults());
        Overrides own = tenants.get(tenantKey);
        return own == null ? base : own.over(base);
    }

    /** Thresholds to change; each unset one is taken from what it overrides. Names as in {@link ReconcileThresholds}. */
    public record Overrides(Double freshnessWarnHours, Double freshnessFailHours, Double stockMatchGoalPercent,
                            BigDecimal amountToleranceWon, Double amountTolerancePercent, Integer volumeWindowDays,
                            Integer volumeMinPoints, Double volumeWarnZ, Double volumeFailZ, Integer reverifyMinSample,
                            Double reverifySharePercent, Double reverifyGoalPercent, Double layoutDropPoints) {

        ReconcileThresholds over(ReconcileThresholds b) {
            return new ReconcileThresholds(or(freshnessWarnHours, b.freshnessWarnHours()),
                    or(freshnessFailHours, b.freshnessFailHours()), or(stockMatchGoalPercent, b.stockMatchGoalPercent()),
                    or(amountToleranceWon, b.amountToleranceWon()), or(amountTolerancePercent, b.amountTolerancePercent()),
                    or(volumeWindowDays, b.volumeWindowDays()), or(volumeMinPoints, b.volumeMinPoints()),
                    or(volumeWarnZ, b.volumeWarnZ()), or(volumeFailZ, b.volumeFailZ()),
                    or(reverifyMinSample, b.reverifyMinSample()), or(reverifySharePercent, b.reverifySharePercent()),
                    or(reverifyGoalPercent, b.reverifyGoalPercent()), or(layoutDropPoints, b.layoutDropPoints()));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
