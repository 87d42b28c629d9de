package com.mallbatch.admin.schedules;

import com.mallbatch.scheduling.ScheduleCatalog;
import org.springframework.scheduling.support.CronExpression;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** One cron on the schedules page: when it fires next in its zone, and the scheduler's newest launch it made. */
public record CronRow(ScheduleCatalog.Cron cron, ZonedDateTime nextFire, Optional<LastLaunch> lastFire) {

    /** A launch the scheduler made: when (database time), which execution, and how the launch ended up. */
    public record LastLaunch(LocalDateTime at, Long executionId, String parameters, String outcome) {
    }

    /** The cron's next fire after {@code clock}'s now, in the cron's zone. */
    public static CronRow of(ScheduleCatalog.Cron cron, Clock clock, Optional<LastLaunch> lastFire) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(cron.zone());
        return new CronRow(cron, CronExpression.parse(cron.expression()).next(now), lastFire);
    }
}
