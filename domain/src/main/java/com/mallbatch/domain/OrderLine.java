package com.mallbatch.domain;

/**
 * One line of an order. {@code platformStatus} is the mall's own status code (Cafe24: N40, C40, R40 …), kept so
 * settlement can read it; {@code status} is its common meaning.
 */
public record OrderLine(long accountId, String orderId, String lineId, String productNo, String variantCode,
                        String sellerSku, String productName, String optionText, int quantity, Money unitPrice,
                        Money optionPrice, Money sellerDiscount, Money couponDiscount, Money paymentAmount,
                        String platformStatus, OrderLineStatus status) {
}
