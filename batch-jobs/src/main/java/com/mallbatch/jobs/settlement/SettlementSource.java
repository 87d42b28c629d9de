package com.mallbatch.jobs.settlement;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A collected order line with what settling it needs: its draft, platform, category and its order's shipping fee. */
record SettlementSource(long settlementId, String platform, String categoryNo, String lineId, String orderId,
                        LocalDateTime orderedAt, String productNo, String platformStatus, String status, int quantity,
                        BigDecimal unitPrice, BigDecimal optionPrice, BigDecimal sellerDiscount, BigDecimal couponDiscount,
                        BigDecimal orderShippingFee, boolean firstSettledLineOfOrder) {
}
