package com.mallbatch.domain;

import java.time.LocalDate;

/** The stock a mall reported for one variant on one business date; one row per date keeps the history. */
public record StockLevel(long accountId, String variantCode, LocalDate businessDate, int quantity,
                         int safetyQuantity, boolean inventoryTracked, SourceKind source) {
}
