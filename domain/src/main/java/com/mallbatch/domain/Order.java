package com.mallbatch.domain;

import java.time.LocalDateTime;
import java.util.List;

/** An order as one mall reports it, with its lines. Times are Asia/Seoul wall-clock times. */
public record Order(long accountId, String orderId, LocalDateTime orderedAt, LocalDateTime paidAt, boolean paid,
                    boolean canceled, String buyerId, Money orderAmount, Money shippingFee, Money couponDiscount,
                    Money paymentAmount, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }
}
