package com.mallbatch.sandbox.cafe24;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** One Cafe24 mall's data as the platform holds it. Money is in won with two decimals, times are Asia/Seoul. */
final class Cafe24Data {

    private Cafe24Data() {
    }

    record Category(int categoryNo, int depth, int parentCategoryNo, String name) {
    }

    record Product(long productNo, String productCode, String customProductCode, String name, BigDecimal price,
                   BigDecimal retailPrice, boolean display, boolean selling, List<Integer> categoryNos,
                   LocalDateTime createdDate, LocalDateTime updatedDate, List<Variant> variants) {
    }

    record Variant(String variantCode, List<Option> options, String customVariantCode, boolean display,
                   boolean selling, BigDecimal additionalAmount, boolean useInventory, int quantity,
                   int safetyInventory) {

        String optionValue() {
            return String.join(", ", options.stream().map(o -> o.name() + "=" + o.value()).toList());
        }
    }

    record Option(String name, String value) {
    }

    record Order(String orderId, String memberId, LocalDateTime orderDate, LocalDateTime paymentDate,
                 BigDecimal orderPriceAmount, BigDecimal shippingFee, BigDecimal couponDiscount,
                 BigDecimal paymentAmount, List<Item> items) {

        boolean paid() {
            return paymentDate != null;
        }

        boolean canceled() {
            return items.stream().allMatch(i -> i.orderStatus().equals("C40"));
        }
    }

    record Item(int itemNo, String orderItemCode, Product product, Variant variant, int quantity,
                BigDecimal additionalDiscount, BigDecimal couponDiscount, String orderStatus) {

        BigDecimal paymentAmount() {
            return product.price().add(variant.additionalAmount()).multiply(BigDecimal.valueOf(quantity))
                    .subtract(additionalDiscount).subtract(couponDiscount);
        }
    }

    record Coupon(String couponNo, String couponName, String benefitType, BigDecimal benefitPrice,
                  BigDecimal benefitPercentage, LocalDateTime createdDate) {
    }
}
