package com.mallbatch.admin.schedules;

import com.mallbatch.scheduling.ScheduleCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Next and last fire of the schedule's crons, in Asia/Seoul, against a fixed clock whatever the server's zone. */
class CronRowTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final ScheduleCatalog catalog = new ScheduleCatalog(new MockEnvironment());

    @Test
    void theNightlyCollectNextFiresAt0230SeoulTheNextNightAndTheRecheckAt0615() {
        Clock nineInTheMorningInSeoul = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneId.of("UTC"));
        CronRow nightly = CronRow.of(catalog.crons().get(0), nineInTheMorningInSeoul, Optional.empty());
        CronRow recheck = CronRow.of(catalog.crons().get(1), nineInTheMorningInSeoul, Optional.empty());

        assertThat(nightly.nextFire()).isEqualTo(ZonedDateTime.of(2026, 11, 22, 2, 30, 0, 0, SEOUL));
        assertThat(nightly.previousSlot()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 2, 30, 0, 0, SEOUL));
        assertThat(recheck.nextFire()).isEqualTo(ZonedDateTime.of(2026, 11, 22, 6, 15, 0, 0, SEOUL));
        assertThat(recheck.previousSlot()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 6, 15, 0, 0, SEOUL));
    }

    @Test
    void atTheMomentOfASlotThatSlotIsTheLastAndTheNextIsTomorrows() {
        Clock atTheSlot = Clock.fixed(ZonedDateTime.of(2026, 11, 21, 2, 30, 0, 0, SEOUL).toInstant(), SEOUL);
        CronRow nightly = CronRow.of(catalog.crons().get(0), atTheSlot, Optional.empty());

        assertThat(nightly.previousSlot()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 2, 30, 0, 0, SEOUL));
        assertThat(nightly.nextFire()).isEqualTo(ZonedDateTime.of(2026, 11, 22, 2, 30, 0, 0, SEOUL));
    }

    @Test
    void aConfiguredCronAndTheSchedulersLastLaunchAreShownAsGiven() {
        ScheduleCatalog configured = new ScheduleCatalog(new MockEnvironment()
                .withProperty("mallbatch.schedule.collect-cron", "0 0 */6 * * *"));
        CronRow.LastLaunch launch = new CronRow.LastLaunch(LocalDateTime.of(2026, 11, 21, 0, 0, 1), 9L,
                "businessDate=2026-11-20", "started");
        CronRow nightly = CronRow.of(configured.crons().get(0),
                Clock.fixed(Instant.parse("2026-11-21T00:30:00Z"), ZoneId.of("UTC")), Optional.of(launch));

        assertThat(nightly.cron().expression()).isEqualTo("0 0 */6 * * *");
        assertThat(nightly.nextFire()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, SEOUL));
        assertThat(nightly.previousSlot()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 6, 0, 0, 0, SEOUL));
        assertThat(nightly.lastFire()).contains(launch);
    }
}
