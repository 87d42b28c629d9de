package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.ReportNotReadyException;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersVsMallTotalsCheckTest {

    final FakeFacts facts = new FakeFacts();

    @Test
    void aSellerCentersBoxIsComparedWithOrdersPlacedAndTheirUncancelledLines() {
        facts.collected = new CollectedDay(FakeFacts.DATE, 12, new BigDecimal("300000"), 11, new BigDecimal("290000"));
        facts.totals.add(new DailyTotals(8, FakeFacts.DATE, "CRAWL_LIST", 12, new Money(new BigDecimal("300250"))));

        CheckOutcome outcome = check((a, d) -> Optional.empty())
                .run(FakeFacts.scope(FakeFacts.CRAWLED));

        // ₩250 apart: within 0.1% of ₩300,250 (₩300.25)
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.results().get(0).thresholds()).contains("₩300.25");
        assertThat(outcome.settles(FakeFacts.DATE + "/CRAWL_LIST")).isTrue();
    }

    @Test
    void aMissingOrderBreaksHighEvenWhenTheAmountIsClose() {
        facts.collected = new CollectedDay(FakeFacts.DATE, 12, new BigDecimal("300000"), 11, new BigDecimal("290000"));
        var report = new DailyTotals(7, FakeFacts.DATE, "CAFE24_DAILYSALES", 12, new Money(new BigDecimal("290005")));

        CheckOutcome outcome = check((a, d) -> Optional.of(report)).run(FakeFacts.scope());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("TOTALS_DIFFER");
            assertThat(f.key()).isEqualTo("2026-11-20/CAFE24_DAILYSALES");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains("mall 12 orders", "collected 11");
        });
    }

    @Test
    void aReportTheMallHasNotPublishedIsPendingSettlesNothingAndBreaksNothing() {
        CheckOutcome outcome = check((a, d) -> {
            throw new ReportNotReadyException(d, d.plusDays(1).atTime(6, 0), "dailysales of " + d + " not ready");
        }).run(FakeFacts.scope());
        assertThat(outcome.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.settles(FakeFacts.DATE + "/CAFE24_DAILYSALES")).isFalse();
    }

    private OrdersVsMallTotalsCheck check(SalesReports reports) {
        return new OrdersVsMallTotalsCheck(facts, reports);
    }
}
