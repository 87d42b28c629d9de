package com.mallbatch.readers.crawl;

import com.mallbatch.domain.ProductStatus;

/** What a product-list row says about the product's state, for the product and for its variants alike. */
final class CrawledProducts {

    private CrawledProducts() {
    }

    /**
     * The row's {@code status} word when the profile reads one; else its {@code selling} switch (판매중지 → suspended);
     * else on sale, as a listed product is.
     */
    static ProductStatus status(RowExtractor.Row row) {
        if (row.get("status") != null) {
            return (ProductStatus) row.get("status");
        }
        return Boolean.FALSE.equals(row.get("selling")) ? ProductStatus.SUSPENDED : ProductStatus.ON_SALE;
    }

    /** Sold out is still selling: the listing stands, only the stock is gone. */
    static boolean selling(ProductStatus status) {
        return status == ProductStatus.ON_SALE || status == ProductStatus.SOLD_OUT;
    }
}
