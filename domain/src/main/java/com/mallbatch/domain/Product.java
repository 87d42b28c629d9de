package com.mallbatch.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A product as one mall lists it. {@code productNo} is the mall's id, {@code sellerCode} the seller's own code for it
 * where the mall has one, {@code retailPrice} the list (strike-through) price when shown, {@code brand} the brand as
 * the mall names or codes it. {@code displayed} and {@code selling} are the two switches every mall has; {@code status}
 * says the product's state in full. Times are Asia/Seoul wall-clock times; {@code source} says whether an API or a
 * crawl read it. Categories arrive separately, as {@link CategoryMembership}s.
 */
public record Product(long accountId, String productNo, String productCode, String sellerCode, String name,
                      String brand, Money price, Money retailPrice, boolean displayed, boolean selling,
                      ProductStatus status, LocalDateTime createdAt, LocalDateTime updatedAt, SourceKind source) {

    public Product {
        Objects.requireNonNull(status, "status");
    }
}
