package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.OrderLineStatus;

import java.util.Map;
import java.util.Set;

/**
 * A product order's state in the canonical vocabulary, from Naver's documented {@code productOrderStatus} and, while a
 * claim is open, its {@code claimType}/{@code claimStatus}: a cancel, return or exchange requested and not yet done
 * is a *_REQUESTED line; a refused claim leaves the line where it was.
 */
final class SmartStoreStatuses {

    /** Cancelled because the deposit never came: the line was never paid. */
    static final String CANCELED_BY_NOPAYMENT = "CANCELED_BY_NOPAYMENT";

    private static final Map<String, OrderLineStatus> BY_STATUS = Map.of(
            "PAYMENT_WAITING", OrderLineStatus.AWAITING_PAYMENT,
            "PAYED", OrderLineStatus.PREPARING,
            "DELIVERING", OrderLineStatus.SHIPPING,
            "DELIVERED", OrderLineStatus.DELIVERED,
            "PURCHASE_DECIDED", OrderLineStatus.PURCHASE_CONFIRMED,
            "EXCHANGED", OrderLineStatus.EXCHANGED,
            "CANCELED", OrderLineStatus.CANCELLED,
            "RETURNED", OrderLineStatus.RETURNED,
            CANCELED_BY_NOPAYMENT, OrderLineStatus.CANCELLED);
    private static final Set<String> OPEN_CLAIMS = Set.of("CANCEL_REQUEST", "CANCELING", "RETURN_REQUEST",
            "EXCHANGE_REQUEST", "COLLECTING", "COLLECT_DONE", "EXCHANGE_REDELIVERING", "ADMIN_CANCELING");

    private SmartStoreStatuses() {
    }

    /** @return null for a status Naver does not document */
    static OrderLineStatus meaning(String status, String claimType, String claimStatus) {
        OrderLineStatus base = BY_STATUS.get(status);
        if (base == null || claimType == null || claimStatus == null || !OPEN_CLAIMS.contains(claimStatus)
                || base == OrderLineStatus.CANCELLED || base == OrderLineStatus.RETURNED || base == OrderLineStatus.EXCHANGED) {
            return base;
        }
        return switch (claimType) {
            case "CANCEL", "ADMIN_CANCEL" -> OrderLineStatus.CANCEL_REQUESTED;
            case "RETURN" -> OrderLineStatus.RETURN_REQUESTED;
            case "EXCHANGE" -> OrderLineStatus.EXCHANGE_REQUESTED;
            default -> base;
        };
    }
}
