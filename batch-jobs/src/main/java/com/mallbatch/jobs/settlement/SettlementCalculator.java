package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.SettlementLine;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Settles one order line. Gross is what the buyer was charged for it; seller-funded discounts and coupons come off;
 * the commission in force on the order date is taken from what remains, rounded to the won; the first settled line
 * of an order carries the order's shipping fee less the mall's share; a returned line is refunded in full.
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
        BigDecimal gross = s.unitPrice().add(s.optionPrice()).multiply(BigDecimal.valueOf(s.quantity()));
        BigDecimal discount = s.sellerDiscount().add(s.couponDiscount());
        BigDecimal sold = gross.subtract(discount);
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal refund = BigDecimal.ZERO;
        if (s.status().equals("RETURNED")) {
            refund = sold.negate();
        } else {
            commission = won(sold.multiply(commissions.rate(s.platform(), s.categoryNo(), s.orderedAt().toLocalDate(), true)));
            if (s.firstSettledLineOfOrder()) {
                BigDecimal mallShare = shippingFees.rate(s.platform(), null, s.orderedAt().toLocalDate(), false);
                shipping = s.orderShippingFee().subtract(won(s.orderShippingFee().multiply(mallShare)));
            }
        }
        BigDecimal net = sold.subtract(commission).add(shipping).add(refund);
        return new SettlementLine(s.settlementId(), s.lineId(), s.orderId(), s.orderedAt(), s.productNo(),
                s.platformStatus(), money(gross), money(discount), money(commission), money(shipping), money(refund), money(net));
    }

    private static BigDecimal won(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP);
    }

    private static Money money(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    }
}
