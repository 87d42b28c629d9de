package com.mallbatch.sandbox.cafe24;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The documented values of {@code date_type} on GET /orders and /orders/count, each with the item steps whose dates
 * it searches. Every item carries its order's own order and payment times, so order_date and pay_date are item
 * steps too.
 */
enum OrderDateType {
    ORDER_DATE(ItemStep.ORDERED),
    PAY_DATE(ItemStep.PAID),
    SHIPBEGIN_DATE(ItemStep.SHIPPED),
    SHIPEND_DATE(ItemStep.DELIVERED),
    CANCEL_DATE(ItemStep.CANCELLED, ItemStep.AUTO_CANCELLED),
    PLACE_DATE(ItemStep.PLACED),
    CANCEL_REQUEST_DATE(ItemStep.CANCEL_REQUESTED),
    CANCEL_ACCEPT_DATE(ItemStep.CANCEL_ACCEPTED),
    CANCEL_COMPLETE_DATE(ItemStep.CANCELLED, ItemStep.AUTO_CANCELLED),
    EXCHANGE_REQUEST_DATE(ItemStep.EXCHANGE_REQUESTED),
    EXCHANGE_ACCEPT_DATE(ItemStep.EXCHANGE_ACCEPTED),
    EXCHANGE_COMPLETE_DATE(ItemStep.EXCHANGED),
    RETURN_REQUEST_DATE(ItemStep.RETURN_REQUESTED),
    RETURN_ACCEPT_DATE(ItemStep.RETURN_ACCEPTED),
    RETURN_COMPLETE_DATE(ItemStep.RETURNED),
    PURCHASECONFIRMATION_DATE(ItemStep.PURCHASE_CONFIRMED);

    private static final String DOCUMENTED = Arrays.stream(values()).map(OrderDateType::parameter)
            .collect(Collectors.joining(", "));

    private final List<ItemStep> steps;

    OrderDateType(ItemStep... steps) {
        this.steps = List.of(steps);
    }

    List<ItemStep> steps() {
        return steps;
    }

    String parameter() {
        return name().toLowerCase();
    }

    static OrderDateType of(String parameter) {
        return Arrays.stream(values()).filter(t -> t.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new InvalidParameter("date_type must be one of " + DOCUMENTED
                        + ", got '" + parameter + "'. (parameter.date_type)"));
    }
}
