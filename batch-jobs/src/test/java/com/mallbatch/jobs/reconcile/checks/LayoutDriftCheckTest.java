package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutDriftCheckTest {

    final FakeFacts facts = new FakeFacts();
    final LayoutDriftCheck check = new LayoutDriftCheck(facts);

    @Test
    void aFieldTwoPointsBelowItsTrailingRateWarnsEvenThoughTheCrawlCompleted() {
        facts.parseRates.add(new FieldParseRate("variants", "stock", 200, 195, 2000, 2000));     // 97.5% vs 100%
        facts.parseRates.add(new FieldParseRate("variants", "extraPrice", 200, 61, 2000, 600));  // 30.5% vs 30%
        facts.parseRates.add(new FieldParseRate("products", "brand", 100, 50, 0, 0));            // nothing before

        CheckOutcome outcome = check.run(FakeFacts.scope(FakeFacts.CRAWLED));

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("variants.stock");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.evidence()).contains("195 of 200 rows (97.50%) against 100.00% before", "easyseller");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.WARN);
        assertThat(outcome.settles("variants.extraPrice")).isTrue();
        assertThat(outcome.settles("products.brand")).as("not judged yet").isFalse();
    }

    @Test
    void slightlyLessThanTwoPointsPasses() {
        facts.parseRates.add(new FieldParseRate("variants", "stock", 1000, 981, 1000, 1000));
        assertThat(check.run(FakeFacts.scope(FakeFacts.CRAWLED)).findings()).isEmpty();
    }
}
