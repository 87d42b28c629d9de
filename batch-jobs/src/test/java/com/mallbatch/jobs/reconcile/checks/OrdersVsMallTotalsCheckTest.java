package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.ReportNotReadyException;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.readers.MallRefusedException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersVsMallTotalsCheckTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final FakeFacts facts = new FakeFacts();
    final List<LocalDate> asked = new ArrayList<>();

    @Test
    void aSellerCentersBoxIsComparedWithOrdersPlacedAndTheirUncancelledLines() {
        facts.collected = new CollectedDay(FakeFacts.DATE, 12, new BigDecimal("300000"), 11, new BigDecimal("290000"));
        facts.totals.add(new DailyTotals(8, FakeFacts.DATE, "CRAWL_LIST", 12, new Money(new BigDecimal("300250"))));

        CheckOutcome outcome = check((a, d) -> Optional.empty()).run(FakeFacts.scope(FakeFacts.CRAWLED));

        // ₩250 apart: within 0.1% of ₩300,250 (₩300.25)
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.results().get(0).thresholds()).contains("₩300.25");
        assertThat(outcome.settles(FakeFacts.DATE + "/CRAWL_LIST")).isTrue();
    }

    @Test
    void aMissingOrderBreaksHighEvenWhenTheAmountIsCloseAndThePublishedReportIsSaidSo() {
        facts.collected = new CollectedDay(FakeFacts.DATE, 12, new BigDecimal("300000"), 11, new BigDecimal("290000"));
        var report = new DailyTotals(7, FakeFacts.DATE, "CAFE24_DAILYSALES", 12, new Money(new BigDecimal("290005")));

        CheckOutcome outcome = check((a, d) -> Optional.of(report)).run(FakeFacts.scope());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.results()).extracting(CheckResult::subject, CheckResult::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("report", Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple("CAFE24_DAILYSALES", Verdict.FAIL));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("TOTALS_DIFFER");
            assertThat(f.key()).isEqualTo("2026-11-20/CAFE24_DAILYSALES");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains("mall 12 orders", "collected 11");
        });
    }

    @Test
    void aReportTheMallHasNotPublishedIsPendingAndAfterTwoDaysOverdueABreak() {
        SalesReports late = (a, d) -> {
            throw new ReportNotReadyException(d, d.plusDays(1).atTime(6, 0), "dailysales of " + d + " not ready");
        };
        CheckOutcome pending = check(late).run(FakeFacts.scope());
        assertThat(pending.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(pending.findings()).isEmpty();
        assertThat(pending.settles(FakeFacts.DATE + "/CAFE24_DAILYSALES")).isFalse();

        CheckOutcome overdue = new OrdersVsMallTotalsCheck(facts, late, at(FakeFacts.DATE.plusDays(3).atTime(7, 0)))
                .run(FakeFacts.scope());
        assertThat(overdue.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(overdue.findings()).extracting(Finding::type, Finding::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REPORT_MISSING", "2026-11-20/report"));
    }

    @Test
    void aReportTheMallRefusesIsABreakSayingWhatToDoNotAFailedRun() {
        CheckOutcome outcome = check((a, d) -> {
            throw new MallRefusedException("Cafe24 acme/CAFE24/acmeshop refused …/dailysales with HTTP 403: grant "
                    + "mall.read_salesreport");
        }).run(FakeFacts.scope());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("REPORT_REFUSED");
            assertThat(f.evidence()).contains("mall.read_salesreport");
        });
    }

    @Test
    void anEarlierDayWithAnOpenBreakIsComparedAgainSoItCanResolve() {
        facts.openKeys.add(FakeFacts.DATE.minusDays(2) + "/CAFE24_DAILYSALES");
        facts.openKeys.add(FakeFacts.DATE.minusDays(40) + "/CAFE24_DAILYSALES"); // too old to revisit
        CheckOutcome outcome = check((a, d) -> Optional.of(new DailyTotals(7, d, "CAFE24_DAILYSALES", 0,
                new Money(BigDecimal.ZERO)))).run(FakeFacts.scope());
        assertThat(asked).containsExactly(FakeFacts.DATE.minusDays(2), FakeFacts.DATE);
        assertThat(outcome.settles(FakeFacts.DATE.minusDays(2) + "/CAFE24_DAILYSALES")).isTrue();
        assertThat(outcome.results()).extracting(CheckResult::subject)
                .contains(FakeFacts.DATE.minusDays(2) + "/CAFE24_DAILYSALES", "CAFE24_DAILYSALES");
    }

    @Test
    void aPausedAccountsMallIsNotAsked() {
        var paused = new ReconcileCheck.Scope(FakeFacts.ACCOUNT, FakeFacts.DATE, ReconcileThresholds.defaults(), true,
                true);
        check((a, d) -> {
            throw new AssertionError("asked");
        }).run(paused);
        assertThat(asked).isEmpty();
    }

    private OrdersVsMallTotalsCheck check(SalesReports reports) {
        SalesReports recording = (a, d) -> {
            asked.add(d);
            return reports.salesReport(a, d);
        };
        return new OrdersVsMallTotalsCheck(facts, recording, at(FakeFacts.DATE.plusDays(1).atTime(7, 0)));
    }

    private static Clock at(LocalDateTime seoul) {
        return Clock.fixed(seoul.atZone(SEOUL).toInstant(), SEOUL);
    }
}
