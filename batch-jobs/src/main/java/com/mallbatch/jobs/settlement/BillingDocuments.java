package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.BillingDocument;
import com.mallbatch.domain.settlement.BillingDocument.Line;
import com.mallbatch.domain.settlement.BillingDocument.Side;
import com.mallbatch.writers.mysql.JdbcSettlements.ExtraCost;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The billing document of a confirmed settlement version. The mall owes the seller the settlement's net (a
 * receivable, debit) and keeps its commission (an expense, debit); the seller's extra costs for the period — ad fees
 * and the like the mall deducts — are expenses of their own, one line each (debit); against them stand the net sales
 * and the shipping income (credits). So the receivable equals the net of the snapshot and of the workbook.
 */
final class BillingDocuments {

    static final String RECEIVABLE = "110300";
    static final String COMMISSION_EXPENSE = "521100";
    static final String EXTRA_COST_EXPENSE = "529000";
    static final String SALES = "411000";
    static final String SHIPPING_INCOME = "412000";

    private BillingDocuments() {
    }

    static BillingDocument of(Snapshot s, List<ExtraCost> extraCosts, String companyCode) {
        Money netSales = new Money(s.gross().amount().subtract(s.sellerDiscount().amount()).add(s.refund().amount()));
        List<Line> lines = new ArrayList<>();
        add(lines, RECEIVABLE, Side.DEBIT, s.net(), "정산 지급액 " + s.period());
        add(lines, COMMISSION_EXPENSE, Side.DEBIT, s.commission(), "판매수수료 " + s.period());
        for (ExtraCost cost : extraCosts) {
            add(lines, EXTRA_COST_EXPENSE, Side.DEBIT, cost.amount(), cost.costType() + " " + cost.description());
        }
        add(lines, SALES, Side.CREDIT, netSales, "상품매출 " + s.period());
        add(lines, SHIPPING_INCOME, Side.CREDIT, s.shipping(), "배송비수익 " + s.period());
        LocalDate documentDate = YearMonth.parse(s.period()).atEndOfMonth();
        return new BillingDocument(documentDate, companyCode, s.accountLabel(), "KRW",
                "SETTLEMENT " + s.accountLabel() + " " + s.period() + " v" + s.version(), lines);
    }

    /** Zero lines are left out; a negative amount goes to the other side, as journals keep amounts positive. */
    private static void add(List<Line> lines, String account, Side side, Money amount, String text) {
        int sign = amount.amount().signum();
        if (sign != 0) {
            Side actual = sign > 0 ? side : side == Side.DEBIT ? Side.CREDIT : Side.DEBIT;
            lines.add(new Line(account, actual, new Money(amount.amount().abs()), text));
        }
    }

    /**
     * The document's idempotency key: what the snapshot is (tenant, account, period, version, content hash), never a
     * database id, which starts over after a wipe or a restore and would make a new snapshot look posted.
     */
    static String documentKey(Snapshot s) {
        return "settlement-" + s.period() + "-v" + s.version() + "-" + identity(s);
    }

    /** The key of the reversal of that document, when a correction supersedes it. */
    static String reversalKey(Snapshot s) {
        return "reversal-" + s.period() + "-v" + s.version() + "-" + identity(s);
    }

    private static String identity(Snapshot s) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(String.join("|", s.tenantKey(), s.platform(), s.accountKey(), s.period(),
                    String.valueOf(s.version()), s.contentSha256()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
