package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.BillingDocument;
import com.mallbatch.domain.settlement.BillingDocument.Line;
import com.mallbatch.domain.settlement.BillingDocument.Side;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing document of a confirmed settlement. The mall owes the seller its payout (a receivable, debit) and
 * keeps its commission (an expense, debit); against them stand the net sales and the shipping income (credits).
 * The seller's own extra costs are not the mall's business and stay out.
 */
final class BillingDocuments {

    static final String RECEIVABLE = "110300";
    static final String COMMISSION_EXPENSE = "521100";
    static final String SALES = "411000";
    static final String SHIPPING_INCOME = "412000";

    private BillingDocuments() {
    }

    static BillingDocument of(Snapshot s, String companyCode) {
        Money netSales = new Money(s.gross().amount().subtract(s.sellerDiscount().amount()).add(s.refund().amount()));
        Money payout = new Money(netSales.amount().subtract(s.commission().amount()).add(s.shipping().amount()));
        List<Line> lines = new ArrayList<>();
        add(lines, RECEIVABLE, Side.DEBIT, payout, "정산 지급액 " + s.period());
        add(lines, COMMISSION_EXPENSE, Side.DEBIT, s.commission(), "판매수수료 " + s.period());
        add(lines, SALES, Side.CREDIT, netSales, "상품매출 " + s.period());
        add(lines, SHIPPING_INCOME, Side.CREDIT, s.shipping(), "배송비수익 " + s.period());
        LocalDate documentDate = YearMonth.parse(s.period()).atEndOfMonth();
        return new BillingDocument(documentDate, companyCode, s.accountLabel(), "KRW",
                "SETTLEMENT-" + s.id() + "-V" + s.version(), lines);
    }

    /** Zero lines are left out; a negative amount goes to the other side, as journals keep amounts positive. */
    private static void add(List<Line> lines, String account, Side side, Money amount, String text) {
        int sign = amount.amount().signum();
        if (sign != 0) {
            Side actual = sign > 0 ? side : side == Side.DEBIT ? Side.CREDIT : Side.DEBIT;
            lines.add(new Line(account, actual, new Money(amount.amount().abs()), text));
        }
    }

    static String idempotencyKey(Snapshot s) {
        return "settlement-" + s.id() + "-v" + s.version();
    }
}
