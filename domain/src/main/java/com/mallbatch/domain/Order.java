package com.mallbatch.domain;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An order as one mall reports it, with its lines. Times are Asia/Seoul wall-clock times. {@code paid} and
 * {@code canceled} may cover only some lines (a partly cancelled order keeps its live lines). Amounts are the mall's
 * current ones, after cancellations; one the mall does not show is null, never guessed.
 */
public record Order(long accountId, String orderId, LocalDateTime orderedAt, LocalDateTime paidAt, Extent paid,
                    Extent canceled, String buyerId, Money orderAmount, Money shippingFee, Money couponDiscount,
                    Money paymentAmount, List<OrderLine> lines) {

    public Order {
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(canceled, "canceled");
        lines = List.copyOf(lines);
    }

    /**
     * A line is known by its order and its key within the order; two lines of one order under the same key are two
     * different lines the mall numbered alike, so loading either would silently drop the other.
     *
     * @return a description of the first clash, or null when every key is unique
     */
    public String lineKeyClash() {
        Map<String, OrderLine> seen = new HashMap<>();
        for (OrderLine line : lines) {
            OrderLine earlier = seen.putIfAbsent(line.lineId(), line);
            if (earlier != null) {
                return "lines '" + earlier.describe() + "' and '" + line.describe() + "' share the line key '"
                        + line.lineId() + "'";
            }
        }
        return null;
    }
}
