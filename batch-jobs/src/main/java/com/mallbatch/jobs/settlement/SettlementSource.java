package com.mallbatch.jobs.settlement;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A collected order line with what settling it needs: its draft, platform and site (a crawled account's profile), the
 * categories its product is displayed in (most specific first), its order's shipping fee, and the commission the
 * platform itself reports for the line, if it does. Amounts the mall did not show are null.
 */
record SettlementSource(long settlementId, String platform, String site, List<String> categoryNos, String lineId,
                        String orderId, LocalDateTime orderedAt, String productNo, String productName, String optionText,
                        String platformStatus, String status, int quantity,
                        BigDecimal unitPrice, BigDecimal optionPrice, BigDecimal sellerDiscount, BigDecimal couponDiscount,
                        BigDecimal paymentAmount, BigDecimal platformCommission, BigDecimal orderShippingFee,
                        boolean firstSettledLineOfOrder) {
}
