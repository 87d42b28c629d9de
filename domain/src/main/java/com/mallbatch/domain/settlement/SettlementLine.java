package com.mallbatch.domain.settlement;

import com.mallbatch.domain.Money;

import java.time.LocalDateTime;

/**
 * One order line in a settlement: what the buyer paid for it (gross), what the seller gave away (seller-funded
 * discounts and coupons), what the mall keeps (commission), the shipping fee the seller receives (on the first
 * settled line of an order), a refund for a returned line, and what is left for the seller (net).
 */
public record SettlementLine(long settlementId, String lineId, String orderId, LocalDateTime orderedAt, String productNo,
                             String platformStatus, Money gross, Money sellerDiscount, Money commission, Money shipping,
                             Money refund, Money net) {

    /** The canonical text of this line that the snapshot's hash covers. */
    String canonical() {
        return String.join("|", lineId, orderId, orderedAt.toString(), productNo, platformStatus, gross.toString(),
                sellerDiscount.toString(), commission.toString(), shipping.toString(), refund.toString(), net.toString());
    }
}
