package com.mallbatch.domain;

/**
 * One sellable variant (option combination) of a product. {@code sellerSku} is the seller's own code for it
 * (Cafe24: custom_variant_code), the key reconciliation matches across malls; it may be null.
 */
public record Variant(long accountId, String variantCode, String productNo, String sellerSku, String optionText,
                      Money additionalAmount, boolean displayed, boolean selling, SourceKind source) {
}
