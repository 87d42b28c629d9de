package com.mallbatch.sandbox.cafe24;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** One Cafe24 mall's data as the platform holds it. Money is in won with two decimals, times are Asia/Seoul. */
final class Cafe24Data {

    private Cafe24Data() {
    }

    record Category(int categoryNo, int depth, int parentCategoryNo, String name) {
    }

    record Product(long productNo, String productCode, String customProductCode, String name, BigDecimal price,
                   BigDecimal retailPrice, boolean display, boolean selling, List<Integer> categoryNos,
                   LocalDateTime createdDate, LocalDateTime updatedDate, List<Variant> variants) {

        boolean soldOut() {
            return variants.stream().allMatch(v -> v.useInventory() && v.quantity() == 0);
        }

        /** The same product listing other variants (e.g. with a drifted stock count). */
        Product withVariants(List<Variant> listed) {
            return new Product(productNo, productCode, customProductCode, name, price, retailPrice, display, selling,
                    categoryNos, createdDate, updatedDate, List.copyOf(listed));
        }
    }

    record Variant(String variantCode, List<Option> options, String customVariantCode, boolean display,
                   boolean selling, BigDecimal additionalAmount, boolean useInventory, int quantity,
                   int safetyInventory) {

        String optionValue() {
            return String.join(", ", options.stream().map(o -> o.name() + "=" + o.value()).toList());
        }

        /** The same variant with another stock count. */
        Variant withQuantity(int listed) {
            return new Variant(variantCode, options, customVariantCode, display, selling, additionalAmount, useInventory,
                    listed, safetyInventory);
        }
    }

    record Option(String name, String value) {
    }

    /**
     * An order as placed. What it looks like at a given moment (paid, canceled, amounts) follows from its items'
     * timelines; {@code paymentDate} is when the money arrives, possibly after "now", or null when it never does.
     */
    record Order(String orderId, String memberId, LocalDateTime orderDate, LocalDateTime paymentDate,
                 String paymentMethod, BigDecimal shippingFee, List<Item> items) {

        boolean orderedBy(LocalDateTime now) {
            return !orderDate.isAfter(now);
        }

        LocalDateTime paymentDate(LocalDateTime now) {
            return paymentDate == null || paymentDate.isAfter(now) ? null : paymentDate;
        }

        /** initial_order_amount: every item as ordered, with the shipping fee. */
        Amounts initialAmounts() {
            return Amounts.of(items, shippingFee);
        }

        /**
         * actual_order_amount at {@code now}: cancelled and returned items left out, and the shipping fee too once
         * every item is cancelled.
         */
        Amounts actualAmounts(LocalDateTime now) {
            List<Item> kept = items.stream().filter(i -> ItemStep.isKept(i.timeline().status(now))).toList();
            return Amounts.of(kept, allCancelled(now) ? Cafe24DataGenerator.won(0) : shippingFee);
        }

        boolean allCancelled(LocalDateTime now) {
            return items.stream().allMatch(i -> ItemStep.isCancelled(i.timeline().status(now)));
        }
    }

    /** An order item; its timeline is swapped whole when a scenario adds a claim, so readers see one version. */
    record Item(int itemNo, String orderItemCode, Product product, Variant variant, int quantity,
                BigDecimal additionalDiscount, BigDecimal couponDiscount, AtomicReference<Timeline> history) {

        Timeline timeline() {
            return history.get();
        }

        BigDecimal grossAmount() {
            return product.price().add(variant.additionalAmount()).multiply(BigDecimal.valueOf(quantity));
        }

        BigDecimal paymentAmount() {
            return grossAmount().subtract(additionalDiscount).subtract(couponDiscount);
        }
    }

    /** The money fields of initial_order_amount / actual_order_amount, summed over some of an order's items. */
    record Amounts(BigDecimal orderPriceAmount, BigDecimal shippingFee, BigDecimal couponDiscount,
                   BigDecimal paymentAmount) {

        static Amounts of(List<Item> items, BigDecimal shippingFee) {
            BigDecimal gross = sum(items.stream().map(Item::grossAmount).toList());
            BigDecimal coupons = sum(items.stream().map(Item::couponDiscount).toList());
            BigDecimal paid = sum(items.stream().map(Item::paymentAmount).toList());
            return new Amounts(gross, shippingFee, coupons, paid.add(shippingFee));
        }

        private static BigDecimal sum(List<BigDecimal> values) {
            return values.stream().reduce(Cafe24DataGenerator.won(0), BigDecimal::add);
        }
    }

    record Coupon(String couponNo, String couponName, String benefitType, BigDecimal benefitPrice,
                  BigDecimal benefitPercentage, LocalDateTime createdDate) {
    }
}
