package com.mallbatch.sandbox.cafe24;

/**
 * A variant whose stock the mall lists wrongly (see {@link Cafe24Mall#driftListedStock}): the API shows
 * {@code listedQuantity} while the truth, which {@link Cafe24Mall#masterInventory} exports, is {@code trueQuantity}.
 *
 * @param sellerSku the seller's code of the variant (custom_variant_code; {@code variants.seller_sku} once collected)
 */
public record StockDrift(String variantCode, String sellerSku, int trueQuantity, int listedQuantity) {

    /** Listed minus true: above zero the mall offers more than the seller has (oversell risk). */
    public int delta() {
        return listedQuantity - trueQuantity;
    }
}
