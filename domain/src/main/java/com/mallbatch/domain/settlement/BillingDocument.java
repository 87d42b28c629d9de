package com.mallbatch.domain.settlement;

import com.mallbatch.domain.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A SAP-style billing document for one confirmed settlement: the mall is the customer, and the lines are journal
 * entries whose debits must equal their credits.
 */
public record BillingDocument(LocalDate documentDate, String companyCode, String customer, String currency,
                              String reference, List<Line> lines) {

    public enum Side { DEBIT, CREDIT }

    public record Line(String glAccount, Side side, Money amount, String text) {
    }

    public BillingDocument {
        lines = List.copyOf(lines);
    }

    public Money total(Side side) {
        return lines.stream().filter(l -> l.side() == side).map(Line::amount).reduce(Money.ZERO, Money::plus);
    }

    public boolean balanced() {
        return total(Side.DEBIT).equals(total(Side.CREDIT));
    }
}
