package com.mallbatch.admin.runs;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Progress from the job repository's counts: a per-account run counts its accounts' stages (not the manager step,
 * which adds them up only at its end), knows its total of accounts and estimates the time left from those finished;
 * the rate is over the last snapshots, else the run's average; a job without accounts gets no estimate.
 */
class RunProgressTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 11, 21, 2, 0);

    @Test
    void aCollectCountsItsAccountsStagesAndEstimatesFromTheAccountsFinished() {
        RunProgress.Snapshot earlier = collect(START.plusSeconds(50), 400, 600);
        RunProgress.Snapshot now = collect(START.plusSeconds(60), 400, 1_000);

        RunProgress progress = RunProgress.of(now, earlier);

        assertThat(progress.read()).as("two stages of a, one of b; not the manager step").isEqualTo(400 + 300 + 1_000);
        assertThat(progress.written()).isEqualTo(390 + 290 + 900);
        assertThat(progress.itemsPerSecond()).as("(1000 - 600) read in the last 10 s").isCloseTo(40.0, within(0.01));
        assertThat(progress.accountsDone()).isEqualTo(1);
        assertThat(progress.accountsTotal()).isEqualTo(4);
        assertThat(progress.timeLeft()).as("1 of 4 done in 60 s: 3 more take about 180 s").isEqualTo(Duration.ofSeconds(180));
        assertThat(progress.running()).extracting(RunProgress.AccountProgress::account).containsExactly("acme/CAFE24/b");
        assertThat(progress.running().get(0).stage()).isEqualTo("collectOrders");
        assertThat(progress.ended()).isFalse();
    }

    @Test
    void withoutAnEarlierSnapshotTheRateIsTheRunsAverageAndNoAccountFinishedMeansNoEstimate() {
        RunProgress.Snapshot now = new RunProgress.Snapshot(7, "collectJob", BatchStatus.STARTED, START,
                List.of(step("collectAccount:acme/CAFE24/a", 0, 0, START, null),
                        step("collectProducts:acme/CAFE24/a", 200, 200, START, null)), START.plusSeconds(20));

        RunProgress progress = RunProgress.of(now, null);

        assertThat(progress.itemsPerSecond()).isCloseTo(10.0, within(0.01));
        assertThat(progress.knowsTotal()).isTrue();
        assertThat(progress.timeLeft()).as("nothing finished yet: no estimate").isNull();
    }

    @Test
    void aJobWithoutAccountsCountsEveryStepAndEstimatesNothing() {
        RunProgress.Snapshot now = new RunProgress.Snapshot(9, "settlementJob", BatchStatus.COMPLETED, START,
                List.of(step("computeLines", 50, 40, START, START.plusSeconds(5)),
                        step("totalDrafts", 10, 10, START.plusSeconds(5), START.plusSeconds(10))), START.plusSeconds(10));

        RunProgress progress = RunProgress.of(now, null);

        assertThat(progress.read()).isEqualTo(60);
        assertThat(progress.written()).isEqualTo(50);
        assertThat(progress.knowsTotal()).isFalse();
        assertThat(progress.timeLeft()).isNull();
        assertThat(progress.ended()).isTrue();
    }

    /** Four accounts: a finished, b in its orders, c and d not started; the manager step still counts 0. */
    private static RunProgress.Snapshot collect(LocalDateTime at, long aProducts, long bOrders) {
        return new RunProgress.Snapshot(7, "collectJob", BatchStatus.STARTED, START, List.of(
                step("collectAccounts", 99_999, 99_999, START, null),
                step("collectAccount:acme/CAFE24/a", 0, 0, START, START.plusSeconds(30)),
                step("collectProducts:acme/CAFE24/a", aProducts, aProducts - 10, START, START.plusSeconds(10)),
                step("collectOrders:acme/CAFE24/a", 300, 290, START.plusSeconds(10), START.plusSeconds(30)),
                step("collectAccount:acme/CAFE24/b", 0, 0, START, null),
                step("collectProducts:acme/CAFE24/b", 0, 0, START, START.plusSeconds(5)),
                step("collectOrders:acme/CAFE24/b", bOrders, bOrders - 100, START.plusSeconds(5), null),
                step("collectAccount:acme/CAFE24/c", 0, 0, null, null),
                step("collectAccount:acme/CAFE24/d", 0, 0, null, null)), at);
    }

    private static RunProgress.StepRow step(String name, long read, long written, LocalDateTime start,
                                            LocalDateTime end) {
        return new RunProgress.StepRow(name, end == null ? BatchStatus.STARTED : BatchStatus.COMPLETED, read, written,
                start, end);
    }
}
