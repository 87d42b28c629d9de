package com.mallbatch.sandbox.cafe24;

import java.time.LocalDate;

/**
 * One row of a master inventory exported from a mall's truth (see {@link Cafe24Mall#masterInventory}): what the
 * seller physically holds of one SKU. {@code quantity = listedQuantity + unshippedUnits}.
 *
 * @param sellerSku      the variant's custom_variant_code ({@code variants.seller_sku} once collected)
 * @param quantity       the physical quantity, the 재고수량 column of the master inventory workbook
 * @param asOf           the 기준일 column: orders placed up to and including this day count
 * @param listedQuantity the stock the mall lists for the variant without any drift
 * @param unshippedUnits units of this variant in the mall's paid, not yet shipped, not cancelled order items
 *                       (order_status N10, N20 or C00 at the mall's "now") of orders placed on or before {@code asOf}
 * @param tracked        whether the mall tracks the variant's stock (use_inventory); an untracked variant's count means
 *                       little
 */
public record MasterInventoryRow(String sellerSku, int quantity, LocalDate asOf, int listedQuantity, int unshippedUnits,
                                 boolean tracked) {
}
