package com.mallbatch.domain.reconcile;

import java.math.BigDecimal;

/** A crawled variant as its account's collect of a business date stored it: what re-verification checks again. */
public record CollectedVariant(String variantCode, String productNo, String sellerSku, String optionText,
                               BigDecimal additionalAmount, int quantity) {
}
