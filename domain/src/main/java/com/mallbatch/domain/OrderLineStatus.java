package com.mallbatch.domain;

/** Where an order line is in its life, in terms common to every mall. The mall's own code is kept beside it. */
public enum OrderLineStatus {
    AWAITING_PAYMENT,
    PREPARING,
    SHIPPING,
    DELIVERED,
    PURCHASE_CONFIRMED,
    CANCEL_REQUESTED,
    CANCELLED,
    RETURN_REQUESTED,
    RETURNED,
    EXCHANGE_REQUESTED,
    EXCHANGED
}
