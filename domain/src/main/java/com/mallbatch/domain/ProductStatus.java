package com.mallbatch.domain;

/** Where a product stands on its mall, in terms common to every mall; a crawled site's own word maps to one of these. */
public enum ProductStatus {
    /** Listed and buyable. */
    ON_SALE,
    /** Listed, but no stock left (품절). */
    SOLD_OUT,
    /** Selling stopped by the seller or the mall (판매중지). */
    SUSPENDED,
    /** Not shown to buyers (숨김, 진열안함). */
    HIDDEN,
    /** Sales ended for good (판매종료). */
    ENDED
}
