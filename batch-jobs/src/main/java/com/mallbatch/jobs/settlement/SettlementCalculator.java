package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.SettlementLine;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Settles one order line. Gross is the line's price before discounts — unit and option price times quantity, or, where
 * a seller center shows only what was paid, the paid amount plus the discounts shown; seller-funded discounts and
 * coupons come off; the commission is what the platform says it keeps of the line where it says so (SmartStore),
 * else the rule in force on the order date for the most specific of the product's categories with a rule (else the
 * platform's general rule) taken from what remains, rounded to the won; the first settled line of
 * an order carries the order's shipping fee less the mall's share; a returned line is refunded in full. An amount the
 * mall did not show counts as none.
 */
final class SettlementCalculator implements ItemProcessor<SettlementSource, SettlementLine> {

    private final RateRules commissions;
    private final RateRules shippingFees;

    SettlementCalculator(RateRules commissions, RateRules shippingFees) {
        this.commissions = commissions;
        this.shippingFees = shippingFees;
    }

    @Override
    public SettlementLine process(SettlementSource s) {
        BigDecimal discount = orZero(s.sellerDiscount()).add(orZero(s.couponDiscount()));
        BigDecimal gross = s.unitPrice() != null
                ? s.unitPrice().add(orZero(s.optionPrice())).multiply(BigDecimal.valueOf(s.quantity()))
                : s.paymentAmount().add(discount);
        BigDecimal sold = gross.subtract(discount);
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal refund = BigDecimal.ZERO;
        if (s.status().equals("RETURNED")) {
            refund = sold.negate();
        } else {
            commission = s.platformCommission() != null ? s.platformCommission()
                    : won(sold.multiply(commissions.rate(s.platform(), s.site(), s.categoryNos(),
                    s.orderedAt().toLocalDate(), true)));
            if (s.firstSettledLineOfOrder()) {
                BigDecimal fee = orZero(s.orderShippingFee());
                BigDecimal mallShare = shippingFees.rate(s.platform(), s.site(), List.of(), s.orderedAt().toLocalDate(), false);
                shipping = fee.subtract(won(fee.multiply(mallShare)));
            }
        }
        BigDecimal net = sold.subtract(commission).add(shipping).add(refund);
        return new SettlementLine(s.settlementId(), s.lineId(), s.orderId(), s.orderedAt(), s.productNo(),
                s.productName(), s.optionText(), s.quantity(), s.unitPrice() == null ? null : money(s.unitPrice()),
                s.platformStatus(), s.status(), money(gross), money(orZero(s.sellerDiscount())),
                money(orZero(s.couponDiscount())), money(commission), money(shipping), money(refund), money(net));
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static BigDecimal won(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP);
    }

    private static Money money(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    }
}
