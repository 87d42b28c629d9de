package com.mallbatch.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the nightly collect runs: on every cron tick ({@code mallbatch.schedule.collect-cron}, Asia/Seoul) and once when
 * the app has started, each time catching up every missed date. Every instance has this schedule; ShedLock lets one
 * of them fire (the lock is kept alive while a long catch-up runs), so each slot runs once.
 */
public class CollectSchedule {

    static final String LOCK = "collectJob";

    private final CollectCatchUp catchUp;

    CollectSchedule(CollectCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Scheduled(cron = "${mallbatch.schedule.collect-cron:0 30 2 * * *}", zone = "Asia/Seoul")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void onTick() {
        catchUp.run("schedule");
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void onStart() {
        catchUp.run("schedule");
    }
}
