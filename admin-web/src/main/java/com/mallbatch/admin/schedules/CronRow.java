package com.mallbatch.admin.schedules;

import com.mallbatch.scheduling.ScheduleCatalog;
import org.springframework.scheduling.support.CronExpression;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One cron on the schedules page, in its zone: when it fires next, its last slot (the latest time it was due, now
 * included), and the scheduler's newest launch of its job — a slot that found nothing to catch up launches nothing.
 */
public record CronRow(ScheduleCatalog.Cron cron, ZonedDateTime nextFire, ZonedDateTime previousSlot,
                      Optional<LastLaunch> lastFire) {

    /** How far back a last slot is looked for, growing: a per-second cron is found in the first, a yearly in the last. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(32),
            Duration.ofDays(4 * 366));

    /** A launch the scheduler made: when (database time), which execution, and how the launch ended up. */
    public record LastLaunch(LocalDateTime at, Long executionId, String parameters, String outcome) {
    }

    public static CronRow of(ScheduleCatalog.Cron cron, Clock clock, Optional<LastLaunch> lastFire) {
        CronExpression expression = CronExpression.parse(cron.expression());
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(cron.zone());
        return new CronRow(cron, expression.next(now), previousSlot(expression, now), lastFire);
    }

    private static ZonedDateTime previousSlot(CronExpression expression, ZonedDateTime now) {
        for (Duration window : LOOK_BACK) {
            ZonedDateTime slot = expression.next(now.minus(window));
            if (slot == null || slot.isAfter(now)) {
                continue;
            }
            for (ZonedDateTime later = expression.next(slot); later != null && !later.isAfter(now); later = expression.next(later)) {
                slot = later;
            }
            return slot;
        }
        return null;
    }
}
