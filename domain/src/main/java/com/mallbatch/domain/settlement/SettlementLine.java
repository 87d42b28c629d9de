package com.mallbatch.domain.settlement;

import com.mallbatch.domain.Money;

import java.time.LocalDateTime;

/**
 * One order line in a settlement: the goods (product, option, quantity, unit price when the mall showed one), what the
 * buyer was charged for it (gross), what the seller gave away (its own discount and the coupon, apart), what the mall
 * keeps (commission), the shipping fee the seller receives (on the first settled line of an order), a refund for a
 * returned line, and what is left for the seller (net). {@code platformStatus} is the mall's own code, {@code status}
 * its common meaning.
 */
public record SettlementLine(long settlementId, String lineId, String orderId, LocalDateTime orderedAt, String productNo,
                             String productName, String optionText, int quantity, Money unitPrice,
                             String platformStatus, String status, Money gross, Money sellerDiscount,
                             Money couponDiscount, Money commission, Money shipping, Money refund, Money net) {

    /** The canonical text of this line that the snapshot's hash covers. */
    String canonical() {
        return String.join("|", orderId, lineId, orderedAt.toString(), productNo, productName, optionText,
                String.valueOf(quantity), String.valueOf(unitPrice), platformStatus, status, gross.toString(),
                sellerDiscount.toString(), couponDiscount.toString(), commission.toString(), shipping.toString(),
                refund.toString(), net.toString());
    }
}
