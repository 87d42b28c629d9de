package com.mallbatch.domain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A product as one mall lists it. {@code productNo} is the mall's id, {@code sellerCode} the seller's own code
 * for it where the mall has one. Times are Asia/Seoul wall-clock times; {@code source} says whether an API or a
 * crawl read it.
 */
public record Product(long accountId, String productNo, String productCode, String sellerCode, String name,
                      Money price, Money retailPrice, boolean displayed, boolean selling,
                      List<String> categoryNos, LocalDateTime createdAt, LocalDateTime updatedAt,
                      SourceKind source) {

    public Product {
        categoryNos = List.copyOf(categoryNos);
    }
}
