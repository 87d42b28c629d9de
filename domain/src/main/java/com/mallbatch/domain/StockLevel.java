package com.mallbatch.domain;

import java.time.LocalDate;

/**
 * The stock a mall reported for one variant on one business date; one row per date keeps the history.
 * {@code stockText} is what a crawled page showed ("1,234", "품절", "일시품절"), kept so a sold-out word and a real 0
 * can be told apart; APIs report numbers only and leave it null.
 */
public record StockLevel(long accountId, String variantCode, LocalDate businessDate, int quantity,
                         int safetyQuantity, boolean inventoryTracked, String stockText, SourceKind source) {
}
