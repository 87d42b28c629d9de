package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeAnomalyCheckTest {

    final FakeFacts facts = new FakeFacts();
    final VolumeAnomalyCheck check = new VolumeAnomalyCheck(facts);

    @Test
    void anOrdinaryDayPasses() {
        history(28);
        facts.volumes.add(new DayVolume(FakeFacts.DATE, 102, 500));
        assertThat(check.run(FakeFacts.scope()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aCollapseFailsAndAZeroDayOnABusyAccountFailsAsNoRows() {
        history(28);
        facts.volumes.add(new DayVolume(FakeFacts.DATE, 0, 250));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.findings()).extracting(Finding::type, Finding::key, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_ROWS", "orders", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("VOLUME_ANOMALY", "active_skus", Severity.HIGH));
    }

    @Test
    void aModerateJumpWarns() {
        history(28); // orders around 100: scale ≈ √100 = 10
        facts.volumes.add(new DayVolume(FakeFacts.DATE, 140, 500));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.results()).filteredOn(r -> r.subject().equals("orders")).singleElement()
                .extracting(CheckResult::verdict).isEqualTo(Verdict.WARN);
    }

    @Test
    void tooFewCollectedDaysAreNotJudged() {
        history(6);
        facts.volumes.add(new DayVolume(FakeFacts.DATE, 0, 0));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.results().get(0).detail()).contains("6 collected day(s)");
    }

    @Test
    void theSameWeekdayWeighsMore() {
        // Sundays are quiet: 10 orders, other days 100; a quiet Sunday is normal
        for (int i = 1; i <= 28; i++) {
            var day = FakeFacts.DATE.minusDays(i);
            facts.volumes.add(new DayVolume(day, day.getDayOfWeek() == FakeFacts.DATE.getDayOfWeek() ? 10 : 100, 500));
        }
        facts.volumes.add(new DayVolume(FakeFacts.DATE, 10, 500));
        var score = new WeightedRobustScore(facts.volumes.stream().filter(v -> v.day().isBefore(FakeFacts.DATE))
                .map(v -> new WeightedRobustScore.Point(v.orders(), v.day().getDayOfWeek() == FakeFacts.DATE.getDayOfWeek()
                        ? VolumeAnomalyCheck.SAME_WEEKDAY : 1)).toList());
        assertThat(score.median()).isEqualTo(100);
        assertThat(check.run(FakeFacts.scope()).results()).filteredOn(r -> r.subject().equals("orders"))
                .singleElement().extracting(CheckResult::verdict).isEqualTo(Verdict.FAIL);
    }

    private void history(int days) {
        for (int i = 1; i <= days; i++) {
            facts.volumes.add(new DayVolume(FakeFacts.DATE.minusDays(i), 95 + (i % 10), 495 + (i % 10)));
        }
    }
}
