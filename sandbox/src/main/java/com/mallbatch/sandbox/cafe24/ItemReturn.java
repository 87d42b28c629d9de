package com.mallbatch.sandbox.cafe24;

import java.time.LocalDateTime;

/**
 * A return a scenario added to an order item (see {@link Cafe24Mall#returnItem}); the mall keeps it to re-apply to
 * its data whenever that is regenerated.
 */
record ItemReturn(String orderItemCode, LocalDateTime requestedAt, LocalDateTime refundedAt) {
}
