package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.BillingDocument;
import com.mallbatch.domain.settlement.BillingDocument.Side;
import com.mallbatch.writers.mysql.JdbcSettlements.ExtraCost;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BillingDocumentsTest {

    static final List<ExtraCost> COSTS = List.of(new ExtraCost("광고비", "10월 검색광고", Money.of(50_000), "costs.xlsx row 2"),
            new ExtraCost("포장비", "박스", Money.of(12_000), "costs.xlsx row 3"));

    @Test
    void theReceivableIsTheSnapshotsNetWithEachExtraCostOnALineOfItsOwnAndTheDocumentBalances() {
        Snapshot s = snapshot(7, 2, "abc");
        BillingDocument document = BillingDocuments.of(s, COSTS, "1000");

        assertThat(sum(document, BillingDocuments.RECEIVABLE, Side.DEBIT)).isEqualByComparingTo(s.net().amount());
        assertThat(document.lines()).filteredOn(l -> l.glAccount().equals(BillingDocuments.EXTRA_COST_EXPENSE))
                .extracting(l -> l.text() + "=" + l.amount()).containsExactly("광고비 10월 검색광고=50000.00", "포장비 박스=12000.00");
        assertThat(total(document, Side.DEBIT)).isEqualByComparingTo(total(document, Side.CREDIT));
        assertThat(document.customer()).isEqualTo("acme/CAFE24/acmeshop");
        assertThat(document.documentDate()).hasToString("2026-10-31");
    }

    @Test
    void aNegativeNetIsAPayableOnTheOtherSide() {
        Snapshot s = new Snapshot(1, 1, "acme", "CAFE24", "acmeshop", null, "2026-10", 1, "CONFIRMED", Money.of(10_000),
                Money.ZERO, Money.of(1_000), Money.ZERO, Money.ZERO, Money.of(50_000), Money.of(-41_000), 1, "h", "kim",
                null, null, null);
        BillingDocument document = BillingDocuments.of(s, List.of(COSTS.get(0)), "1000");

        assertThat(sum(document, BillingDocuments.RECEIVABLE, Side.CREDIT)).isEqualByComparingTo("41000");
        assertThat(total(document, Side.DEBIT)).isEqualByComparingTo(total(document, Side.CREDIT));
    }

    @Test
    void keysSayWhatTheSnapshotIsNotWhichRowItIsSoARestoreCannotReuseThem() {
        assertThat(BillingDocuments.documentKey(snapshot(7, 2, "abc"))).as("same snapshot, new database id after a restore")
                .isEqualTo(BillingDocuments.documentKey(snapshot(1, 2, "abc")))
                .isNotEqualTo(BillingDocuments.documentKey(snapshot(7, 2, "abd")))
                .isNotEqualTo(BillingDocuments.documentKey(snapshot(7, 3, "abc")))
                .isNotEqualTo(BillingDocuments.reversalKey(snapshot(7, 2, "abc")))
                .startsWith("settlement-2026-10-v2-");
    }

    private static Snapshot snapshot(long id, int version, String hash) {
        // gross 1,000,000 − discounts 50,000 − commission 95,000 + shipping 30,000 + refund −20,000 − extra 62,000
        return new Snapshot(id, 3, "acme", "CAFE24", "acmeshop", null, "2026-10", version, "CONFIRMED",
                Money.of(1_000_000), Money.of(50_000), Money.of(95_000), Money.of(30_000), Money.of(-20_000),
                Money.of(62_000), Money.of(803_000), 10, hash, "kim", null, null, null);
    }

    private static BigDecimal sum(BillingDocument document, String account, Side side) {
        return document.lines().stream().filter(l -> l.glAccount().equals(account) && l.side() == side)
                .map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(BillingDocument document, Side side) {
        return document.lines().stream().filter(l -> l.side() == side).map(l -> l.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
