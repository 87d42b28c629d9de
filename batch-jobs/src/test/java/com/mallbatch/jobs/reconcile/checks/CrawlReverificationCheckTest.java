package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.SourceKind;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.CollectedVariant;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrawlReverificationCheckTest {

    final FakeFacts facts = new FakeFacts();
    final Map<String, VariantStock> pages = new HashMap<>();
    final List<List<String>> asked = new ArrayList<>();
    final CrawlReverificationCheck check = new CrawlReverificationCheck(facts, (account, productNos, date) -> {
        asked.add(productNos);
        return pages.values().stream().filter(v -> productNos.contains(v.variant().productNo())).toList();
    }, java.time.Clock.systemUTC());

    @Test
    void aStockThePageNoLongerShowsIsAHighBreakAndTheOtherFieldsAgree() {
        for (int i = 0; i < 30; i++) { // 30: the minimum sample, so every variant is re-read
            stored("V" + i, "P" + (i / 2), 10 + i);
        }
        pages.put("V7", page("V7", "P3", 99));

        CheckOutcome outcome = check.run(FakeFacts.scope(FakeFacts.CRAWLED));

        assertThat(asked).singleElement().satisfies(products -> assertThat(products).hasSize(15));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("V7/stock");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains("stock collected 17, its page shows 99 now");
        });
        CheckResult stock = outcome.results().stream().filter(r -> r.subject().equals("stock")).findFirst().orElseThrow();
        assertThat(stock.verdict()).isEqualTo(Verdict.WARN);
        assertThat(stock.figure().doubleValue()).isCloseTo(83.33, within(0.01)); // Wilson lower bound of 29/30
        assertThat(outcome.results()).filteredOn(r -> !r.subject().equals("stock"))
                .extracting(CheckResult::verdict).containsOnly(Verdict.PASS);
        assertThat(outcome.settles("V7/stock")).isTrue();
    }

    @Test
    void theSampleIsMaxOfTheMinimumAndTheShareSeededAndVariantsWithOpenBreaksJoinIt() {
        for (int i = 0; i < 100; i++) {
            stored("V" + i, "P" + i, i);
        }
        facts.openKeys.add("V99/stock");
        check.run(FakeFacts.scope(FakeFacts.CRAWLED));
        check.run(FakeFacts.scope(FakeFacts.CRAWLED));
        assertThat(asked.get(0)).as("30 sampled, plus the open break's product when not among them")
                .hasSizeBetween(30, 31).contains("P99").isEqualTo(asked.get(1));
    }

    @Test
    void stockCrawledMoreThanADayAndAHalfAgoIsNotReReadNorAPausedAccounts() {
        stored("V1", "P1", 5);
        facts.freshness = new com.mallbatch.domain.reconcile.Freshness(40.0, 0, 1, 1.0, true);
        assertThat(check.run(FakeFacts.scope(FakeFacts.CRAWLED)).results().get(0).detail()).contains("not re-read");
        facts.freshness = new com.mallbatch.domain.reconcile.Freshness(2.0, 0, 1, 1.0, true);
        var paused = new com.mallbatch.domain.reconcile.ReconcileCheck.Scope(FakeFacts.CRAWLED, FakeFacts.DATE,
                com.mallbatch.domain.reconcile.ReconcileThresholds.defaults(), true, true);
        assertThat(check.run(paused).results().get(0).detail()).contains("paused");
        assertThat(asked).isEmpty();
    }

    @Test
    void aVariantGoneFromItsPageIsNotCompared() {
        stored("V1", "P1", 5);
        pages.remove("V1");
        CheckOutcome outcome = check.run(FakeFacts.scope(FakeFacts.CRAWLED));
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.settles("V1/stock")).isFalse();
    }

    @Test
    void manyDifferencesFailOnTheUpperBound() {
        for (int i = 0; i < 30; i++) {
            stored("V" + i, "P" + i, i);
            if (i % 2 == 0) {
                pages.put("V" + i, page("V" + i, "P" + i, i + 1));
            }
        }
        CheckOutcome outcome = check.run(FakeFacts.scope(FakeFacts.CRAWLED));
        assertThat(outcome.findings()).extracting(Finding::type).containsOnly("FIELD_DIFFERS").hasSize(15);
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
    }

    private void stored(String variant, String product, int quantity) {
        facts.variants.add(new CollectedVariant(variant, product, "SKU-" + variant, "색상: 검정", new BigDecimal("1000.00"),
                quantity));
        pages.putIfAbsent(variant, page(variant, product, quantity));
    }

    private static VariantStock page(String variant, String product, int quantity) {
        return new VariantStock(new Variant(8, variant, product, "SKU-" + variant, "색상: 검정", new Money(new BigDecimal("1000")),
                true, true, SourceKind.CRAWL), new StockLevel(8, variant, FakeFacts.DATE, quantity, 0, true,
                String.valueOf(quantity), SourceKind.CRAWL));
    }
}
