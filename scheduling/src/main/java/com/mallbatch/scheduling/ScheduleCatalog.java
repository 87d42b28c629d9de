package com.mallbatch.scheduling;

import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.reconcile.ReconcileJobConfiguration;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import org.springframework.core.env.PropertyResolver;

import java.time.ZoneId;
import java.util.List;

/**
 * The schedule's crons as this configuration resolves them — the same placeholders {@link CollectSchedule}'s
 * {@code @Scheduled} use — for a page that shows them, whether or not this instance runs the scheduler.
 */
public final class ScheduleCatalog {

    /**
     * One cron: what it is, the property that sets it, its expression and zone, the ShedLock lock it fires under, and
     * the job whose launches by the scheduler show it fired ({@code checks} set: only launches of those checks).
     */
    public record Cron(String name, String property, String expression, ZoneId zone, String lock, String job,
                       String checks) {
    }

    static final String CATCH_UP_DAYS = "${mallbatch.schedule.catch-up-days:7}";

    /** The value of {@code launched_by} for the scheduler's launches. */
    public static final String LAUNCHED_BY = "schedule";

    private final PropertyResolver properties;

    public ScheduleCatalog(PropertyResolver properties) {
        this.properties = properties;
    }

    public List<Cron> crons() {
        ZoneId zone = ZoneId.of(CollectSchedule.ZONE);
        return List.of(
                new Cron("nightly", "mallbatch.schedule.collect-cron",
                        properties.resolveRequiredPlaceholders(CollectSchedule.COLLECT_CRON), zone, CollectSchedule.LOCK,
                        CollectJobConfiguration.JOB_NAME, null),
                new Cron("reconcile-recheck", "mallbatch.schedule.reconcile-recheck-cron",
                        properties.resolveRequiredPlaceholders(CollectSchedule.RECHECK_CRON), zone, CollectSchedule.LOCK,
                        ReconcileJobConfiguration.JOB_NAME, ReconcileCatchUp.CHECKS + "="
                        + OrdersVsMallTotalsCheck.NAME));
    }

    /** How many past days the nightly run catches up ({@code mallbatch.schedule.catch-up-days}). */
    public int catchUpDays() {
        return Integer.parseInt(properties.resolveRequiredPlaceholders(CATCH_UP_DAYS));
    }

    /** Whether this instance runs the scheduler ({@code mallbatch.scheduling.enabled}). */
    public boolean enabledHere() {
        return properties.getProperty("mallbatch.scheduling.enabled", Boolean.class, true);
    }
}
