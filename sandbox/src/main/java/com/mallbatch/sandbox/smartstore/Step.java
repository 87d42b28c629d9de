package com.mallbatch.sandbox.smartstore;

/**
 * What can happen to a product order, with the {@code lastChangedType} the change is reported under by
 * {@code last-changed-statuses} and the {@code productOrderStatus} / {@code claimStatus} it shows from then on (null:
 * unchanged).
 * <p>
 * Two steps report no change: the seller's order confirmation (발주확인, which only sets {@code placeOrderStatus}) and
 * the delivery's completion (DELIVERING → DELIVERED). The documented {@code lastChangedType} enumeration has no value
 * for either (PAY_WAITING, PAYED, EXCHANGE_OPTION, DELIVERY_ADDRESS_CHANGED, GIFT_RECEIVED, CLAIM_REJECTED,
 * DISPATCHED, CLAIM_REQUESTED, COLLECT_DONE, CLAIM_COMPLETED, PURCHASE_DECIDED, HOPE_DELIVERY_INFO_CHANGED,
 * CLAIM_REDELIVERING), so a client following changes alone sees a delivered product order as DELIVERING until its
 * next reported change; the product-order query shows DELIVERED.
 */
enum Step {
    PAY_WAITING("PAY_WAITING", "PAYMENT_WAITING", null),
    PAYED("PAYED", "PAYED", null),
    PLACED(null, null, null),
    DISPATCHED("DISPATCHED", "DELIVERING", null),
    DELIVERED(null, "DELIVERED", null),
    PURCHASE_DECIDED("PURCHASE_DECIDED", "PURCHASE_DECIDED", null),
    CANCEL_REQUESTED("CLAIM_REQUESTED", null, "CANCEL_REQUEST"),
    CANCEL_DONE("CLAIM_COMPLETED", "CANCELED", "CANCEL_DONE"),
    RETURN_REQUESTED("CLAIM_REQUESTED", null, "RETURN_REQUEST"),
    RETURN_COLLECT_DONE("COLLECT_DONE", null, "COLLECT_DONE"),
    RETURN_DONE("CLAIM_COMPLETED", "RETURNED", "RETURN_DONE"),
    EXCHANGE_REQUESTED("CLAIM_REQUESTED", null, "EXCHANGE_REQUEST"),
    EXCHANGE_COLLECT_DONE("COLLECT_DONE", null, "COLLECT_DONE"),
    EXCHANGE_REDELIVERING("CLAIM_REDELIVERING", null, "EXCHANGE_REDELIVERING"),
    // UNCONFIRMED: the docs list EXCHANGED as a productOrderStatus but do not say when a product order shows it; the
    // sandbox shows it once the exchange is done, until a later purchase decision.
    EXCHANGE_DONE("CLAIM_COMPLETED", "EXCHANGED", "EXCHANGE_DONE");

    private final String changeType;
    private final String status;
    private final String claimStatus;

    Step(String changeType, String status, String claimStatus) {
        this.changeType = changeType;
        this.status = status;
        this.claimStatus = claimStatus;
    }

    /** The lastChangedType it is reported under, or null when last-changed-statuses does not report it. */
    String changeType() {
        return changeType;
    }

    String status() {
        return status;
    }

    String claimStatus() {
        return claimStatus;
    }

    boolean isClaim() {
        return claimStatus != null;
    }
}
