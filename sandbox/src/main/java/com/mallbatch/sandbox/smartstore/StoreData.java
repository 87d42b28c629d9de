package com.mallbatch.sandbox.smartstore;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One SmartStore seller's data as the Commerce API holds it. Money is in whole won (the API's integers), times are
 * Asia/Seoul to the millisecond.
 */
final class StoreData {

    /** Naver Pay order-management fee the sandbox charges on what the buyer paid (a sandbox choice: 3.63 %). */
    static final long PAYMENT_COMMISSION_BASIS_POINTS = 363;
    /** Naver Shopping sales-linked fee on product orders that came in through Naver Shopping (a sandbox choice: 2 %). */
    static final long SHOPPING_COMMISSION_BASIS_POINTS = 200;

    private StoreData() {
    }

    /** A leaf of Naver's category tree with its whole path, as ids and as names ({@code 50000000>50000167>50000803}). */
    record Category(String id, String wholeId, String wholeName) {
    }

    /**
     * An origin product with its one SmartStore channel product. {@code productStock} is the product-level stock of a
     * product without options; with options the product-level figure is the sum of theirs.
     */
    record Product(int index, long originProductNo, long channelProductNo, String name, String sellerManagementCode,
                   long salePrice, long immediateDiscount, String statusType, String displayStatusType,
                   boolean useStockManagement, int productStock, List<Option> options, Category category,
                   String brandName, LocalDateTime regDate, LocalDateTime modifiedDate) {

        long discountedPrice() {
            return salePrice - immediateDiscount;
        }

        int stockQuantity() {
            return options.isEmpty() ? productStock : options.stream().mapToInt(Option::stockQuantity).sum();
        }

        boolean hasOptions() {
            return !options.isEmpty();
        }
    }

    /**
     * One option combination (조합형). Without stock management its stock reads 9,999 whatever was sold, as Naver sets
     * it, so the figure means nothing then.
     */
    record Option(long id, String optionName1, String optionName2, int stockQuantity, long price,
                  String sellerManagerCode, boolean usable) {

        /** How the product order's productOption shows it, e.g. "색상: 블랙 / 사이즈: M". */
        String text() {
            return "색상: " + optionName1 + " / 사이즈: " + optionName2;
        }
    }

    /** An order (주문) as placed; what became of each product order lives in its lifecycle. */
    record Order(String orderId, LocalDateTime orderDate, String paymentMeans, LocalDateTime paymentDueDate,
                 String ordererId, String ordererNo, String ordererName, String ordererTel, String payLocationType,
                 Address shippingAddress, List<ProductOrder> productOrders) {

        /** What the buyer paid for the whole order at checkout: products after discounts and delivery fees. */
        long generalPaymentAmount() {
            return productOrders.stream().mapToLong(po -> po.totalPaymentAmount() + po.deliveryFeeAmount()).sum();
        }
    }

    record Address(String name, String tel1, String zipCode, String baseAddress, String detailedAddress) {
    }

    /**
     * A product order (상품 주문): one product (and option) of an order, with its own status and claims. The first
     * product order of an order carries the order's delivery fee. Its lifecycle is swapped whole when a scenario adds
     * a claim, so readers see one version.
     */
    record ProductOrder(String productOrderId, Order order, Product product, Option option, int quantity,
                        long deliveryFeeAmount, String inflowPath, AtomicReference<Lifecycle> history) {

        Lifecycle lifecycle() {
            return history.get();
        }

        long unitPrice() {
            return product.salePrice();
        }

        long optionPrice() {
            return option == null ? 0 : option.price();
        }

        long totalProductAmount() {
            return (unitPrice() + optionPrice()) * quantity;
        }

        /** The seller's immediate discount (즉시할인) on every unit; the seller bears it. */
        long productDiscountAmount() {
            return product.immediateDiscount() * quantity;
        }

        long totalPaymentAmount() {
            return totalProductAmount() - productDiscountAmount();
        }

        long paymentCommission() {
            return (totalPaymentAmount() + deliveryFeeAmount) * PAYMENT_COMMISSION_BASIS_POINTS / 10_000;
        }

        long knowledgeShoppingSellingInterlockCommission() {
            return "NAVER_SHOPPING".equals(inflowPath) ? totalPaymentAmount() * SHOPPING_COMMISSION_BASIS_POINTS / 10_000 : 0;
        }

        long saleCommission() {
            return 0;
        }

        long channelCommission() {
            return 0;
        }

        long commissions() {
            return paymentCommission() + saleCommission() + channelCommission() + knowledgeShoppingSellingInterlockCommission();
        }

        /** What the seller gets once the product order is purchase-decided: payment and fee less commissions. */
        long expectedSettlementAmount() {
            return totalPaymentAmount() + deliveryFeeAmount - commissions();
        }
    }
}
