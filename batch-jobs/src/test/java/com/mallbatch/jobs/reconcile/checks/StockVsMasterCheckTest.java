package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.StockPosition;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StockVsMasterCheckTest {

    final FakeFacts facts = new FakeFacts();
    final StockVsMasterCheck check = new StockVsMasterCheck(facts);

    @Test
    void listingMoreThanMasterAvailableIsACriticalOversellRiskAndLessIsLostSales() {
        facts.positions.add(position("V1", "SKU-1", 5, true, 10, 5));    // available 5: matches
        facts.positions.add(position("V2", "SKU-2", 8, true, 10, 4));    // available 6: oversell by 2
        facts.positions.add(position("V3", "SKU-3", 1, true, 3, 0));     // available 3: 2 lost
        facts.positions.add(position("V4", "SKU-4", 0, false, 2, 2));    // no limit, nothing available
        facts.positions.add(position("V5", null, 3, true, null, 0));     // no SKU: counted, not compared
        facts.positions.add(position("V6", "SKU-X", 3, true, null, 0));  // unknown to master
        facts.listedNowhere.add("SKU-9");

        CheckOutcome outcome = check.run(FakeFacts.scope());

        assertThat(outcome.findings()).extracting(Finding::type, Finding::key, Finding::severity, Finding::amount)
                .containsExactly(
                        tuple("OVERSELL_RISK", "SKU-2@V2", Severity.CRITICAL, BigDecimal.valueOf(2)),
                        tuple("LOST_SALES", "SKU-3@V3", Severity.LOW, BigDecimal.valueOf(2)),
                        tuple("OVERSELL_RISK", "SKU-4@V4", Severity.CRITICAL, BigDecimal.valueOf(1)),
                        tuple("UNKNOWN_SKU_ON_MALL", "SKU-X@V6", Severity.MEDIUM, null),
                        tuple("MASTER_SKU_NOT_LISTED", "SKU-9", Severity.LOW, null));
        assertThat(outcome.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.figure()).isEqualByComparingTo("25.00"); // 1 of 4 compared
            assertThat(r.thresholds()).contains("99.5");
            assertThat(r.detail()).contains("1 variant(s) without a seller SKU");
        });
    }

    @Test
    void everyVariantMatchingPassesWithAFullRate() {
        facts.positions.add(position("V1", "SKU-1", 5, true, 7, 2));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.results().get(0).figure()).isEqualByComparingTo("100");
    }

    @Test
    void aTenantWithoutMasterInventoryIsNotComparedAndSaysHowToImportIt() {
        facts.master = false;
        facts.positions.add(position("V1", "SKU-1", 5, true, null, 0));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.results().get(0).detail()).contains("importMasterInventoryJob");
    }

    private static StockPosition position(String variant, String sku, int listed, boolean tracked, Integer master,
                                          long unshipped) {
        return new StockPosition(variant, "P-" + variant, sku, listed, tracked, true, master, unshipped);
    }
}
