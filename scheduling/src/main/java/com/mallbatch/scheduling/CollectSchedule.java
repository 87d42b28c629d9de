package com.mallbatch.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the nightly collect runs: on every cron tick ({@code mallbatch.schedule.collect-cron}, Asia/Seoul) and once when
 * the app has started, each time catching up every missed date and then reconciling the dates it collected; and when
 * reconcile asks again for reports that were not ready ({@code mallbatch.schedule.reconcile-recheck-cron}). Every
 * instance has this schedule; ShedLock lets one of them fire (the lock is kept alive while a long catch-up runs), so
 * each slot runs once.
 */
public class CollectSchedule {

    static final String LOCK = "collectJob";
    /** The crons as the annotations and {@link ScheduleCatalog} read them: property, then the default. */
    static final String COLLECT_CRON = "${mallbatch.schedule.collect-cron:0 30 2 * * *}";
    static final String RECHECK_CRON = "${mallbatch.schedule.reconcile-recheck-cron:0 15 6 * * *}";
    static final String ZONE = "Asia/Seoul";

    private final CollectCatchUp catchUp;
    private final ReconcileCatchUp reconcile;

    CollectSchedule(CollectCatchUp catchUp, ReconcileCatchUp reconcile) {
        this.catchUp = catchUp;
        this.reconcile = reconcile;
    }

    @Scheduled(cron = COLLECT_CRON, zone = ZONE)
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void onTick() {
        nightly();
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void onStart() {
        nightly();
    }

    /** The reports some malls publish later in the morning (Cafe24: 06:00): the dates that waited for them. */
    @Scheduled(cron = RECHECK_CRON, zone = ZONE)
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M") // never beside the nightly run
    public void onRecheckTick() {
        reconcile.recheckPending(ScheduleCatalog.LAUNCHED_BY);
    }

    /** Collect every missed date, then reconcile what was collected (failed dates too: they get freshness breaks). */
    private void nightly() {
        reconcile.afterCollect(catchUp.run(ScheduleCatalog.LAUNCHED_BY), ScheduleCatalog.LAUNCHED_BY);
    }
}
