package com.mallbatch.sandbox.cafe24;

/**
 * What can happen to an order item, with the documented order_status it shows from then on. A step without a
 * status only dates something (an accepted cancel or exchange) that the docs give a date_type but no status for
 * in the flow the sandbox plays.
 */
enum ItemStep {
    ORDERED("N00"),
    PAID("N10"),
    PLACED("N20"),
    SHIPPED("N30"),
    DELIVERED("N40"),
    PURCHASE_CONFIRMED("N50"),
    CANCEL_REQUESTED("C00"),
    CANCEL_ACCEPTED(null),
    CANCELLED("C40"),
    AUTO_CANCELLED("C48"),
    RETURN_REQUESTED("R00"),
    RETURN_ACCEPTED("R10"),
    RETURNED("R40"),
    EXCHANGE_REQUESTED("E00"),
    EXCHANGE_ACCEPTED(null),
    EXCHANGED("E40");

    private final String status;

    ItemStep(String status) {
        this.status = status;
    }

    /** The order_status code, or null when the step leaves the status as it was. */
    String status() {
        return status;
    }

    static boolean isCancelled(String status) {
        return status.startsWith("C4");
    }

    /** Whether the buyer still has (or will get) the item: neither a completed cancel nor a completed return. */
    static boolean isKept(String status) {
        return !isCancelled(status) && !status.startsWith("R4");
    }
}
