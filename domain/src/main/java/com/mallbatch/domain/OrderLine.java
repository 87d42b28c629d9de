package com.mallbatch.domain;

import java.util.Objects;

/**
 * One line of an order, known by its order and its line key within it. {@code platformStatus} is the mall's own status
 * (Cafe24: N40, C40, R40 …; a crawled site: its word), kept so settlement can read it; {@code status} is its common
 * meaning. Amounts are as the mall shows them: {@code listPrice} and {@code unitPrice} per unit, discounts, coupon and
 * {@code paymentAmount} for the whole line. An amount the mall does not show is null — never derived from the
 * others — but a line always carries its unit price or what was paid for it. {@code platformCommission} is what
 * the platform itself says it keeps of the line (SmartStore reports it per product order); null where it does not
 * say, and settlement then applies the seller's commission rules.
 */
public record OrderLine(long accountId, String orderId, String lineId, String productNo, String variantCode,
                        String sellerSku, String productName, String optionText, int quantity, Money listPrice,
                        Money unitPrice, Money optionPrice, Money sellerDiscount, Money couponDiscount,
                        Money paymentAmount, String platformStatus, OrderLineStatus status, Money platformCommission) {

    /** A line of a platform that does not report its own commission. */
    public OrderLine(long accountId, String orderId, String lineId, String productNo, String variantCode,
                     String sellerSku, String productName, String optionText, int quantity, Money listPrice,
                     Money unitPrice, Money optionPrice, Money sellerDiscount, Money couponDiscount,
                     Money paymentAmount, String platformStatus, OrderLineStatus status) {
        this(accountId, orderId, lineId, productNo, variantCode, sellerSku, productName, optionText, quantity, listPrice,
                unitPrice, optionPrice, sellerDiscount, couponDiscount, paymentAmount, platformStatus, status, null);
    }

    public OrderLine {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(status, "status");
        if (unitPrice == null && paymentAmount == null) {
            throw new IllegalArgumentException("order " + orderId + " line " + lineId
                    + " carries neither a unit price nor a paid amount");
        }
    }

    /** "order / line (product name)" for messages. */
    public String describe() {
        return orderId + " / " + lineId + (productName == null ? "" : " (" + productName + ")");
    }
}
