package com.mallbatch.domain.reconcile;

/**
 * One variant a mall lists on a business date, beside the seller's master inventory of its SKU.
 *
 * @param listedQuantity what the mall shows as available (its stock row of the date)
 * @param tracked        whether the mall limits sales by that quantity (false: it sells without a limit)
 * @param masterQuantity the physical quantity of the SKU in the seller's newest master inventory up to the date; null
 *                       when the SKU is not in it
 * @param unshippedUnits units of the SKU in the tenant's collected orders, on any mall, paid and not yet shipped
 */
public record StockPosition(String variantCode, String productNo, String sellerSku, int listedQuantity, boolean tracked,
                            boolean selling, Integer masterQuantity, long unshippedUnits) {

    /** What the seller can still sell: the physical quantity less what is sold and waits to ship. */
    public Long masterAvailable() {
        return masterQuantity == null ? null : masterQuantity - unshippedUnits;
    }
}
