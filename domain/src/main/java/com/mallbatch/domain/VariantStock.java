package com.mallbatch.domain;

/** A variant together with the stock read alongside it. */
public record VariantStock(Variant variant, StockLevel stock) {
}
