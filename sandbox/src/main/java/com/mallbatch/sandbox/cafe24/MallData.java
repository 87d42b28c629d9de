package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Category;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Coupon;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mall's generated catalogue and order history with the indexes the endpoints look them up by. Generating it
 * again from the same config and mall index gives the same data, so it can be dropped and regenerated at will;
 * only a scenario's returns change it, and those the mall re-applies.
 */
final class MallData {

    private final List<Category> categories;
    private final List<Product> products;
    private final List<Order> orders;
    private final List<Coupon> coupons;
    private final ClaimCodes claimCodes = new ClaimCodes();
    private final Map<Integer, List<Product>> productsByCategory = new LinkedHashMap<>();
    private final Map<String, Item> itemsByCode = new HashMap<>();
    private final Map<Long, Integer> productPosition = new HashMap<>();
    private final Map<String, Integer> orderPosition = new HashMap<>();

    MallData(SandboxConfig config, int mallIndex) {
        Cafe24DataGenerator generator = new Cafe24DataGenerator(config, mallIndex);
        this.categories = generator.categories();
        this.products = generator.products();
        this.orders = generator.orders(products, new ItemLifecycles(claimCodes));
        this.coupons = generator.coupons();
        categories.forEach(c -> productsByCategory.put(c.categoryNo(), new ArrayList<>()));
        for (int i = 0; i < products.size(); i++) {
            Product product = products.get(i);
            productPosition.put(product.productNo(), i + 1);
            product.categoryNos().forEach(no -> productsByCategory.get(no).add(product));
        }
        for (int i = 0; i < orders.size(); i++) {
            orderPosition.put(orders.get(i).orderId(), i + 1);
            orders.get(i).items().forEach(item -> itemsByCode.put(item.orderItemCode(), item));
        }
    }

    List<Category> categories() {
        return categories;
    }

    List<Product> products() {
        return products;
    }

    List<Order> orders() {
        return orders;
    }

    List<Coupon> coupons() {
        return coupons;
    }

    /** Each category's products in product_no order. */
    Map<Integer, List<Product>> productsByCategory() {
        return productsByCategory;
    }

    /** The product with this product_no, or null. */
    Product product(long productNo) {
        Integer position = productPosition.get(productNo);
        return position == null ? null : products.get(position - 1);
    }

    /** 1-based position in the catalogue, which decides whether a fault corrupts the product. */
    int position(Product product) {
        return productPosition.get(product.productNo());
    }

    /** 1-based position in the order history, which decides whether a fault corrupts the order. */
    int position(Order order) {
        return orderPosition.get(order.orderId());
    }

    /** The order with this order_id, or null. */
    Order order(String orderId) {
        Integer position = orderPosition.get(orderId);
        return position == null ? null : orders.get(position - 1);
    }

    /** The order item with this order_item_code, or null. */
    Item item(String orderItemCode) {
        return itemsByCode.get(orderItemCode);
    }

    /** Applies a return to one of this mall's items, issuing its claim code from the mall's daily sequence. */
    void apply(ItemReturn itemReturn) {
        String code = itemReturn.orderItemCode();
        Item item = itemsByCode.get(code);
        Timeline timeline = item.timeline();
        if (timeline.claim() != null) {
            throw new IllegalStateException(code + " already has claim " + timeline.claim().code());
        }
        LocalDateTime paidAt = timeline.date(ItemStep.PAID, LocalDateTime.MAX);
        LocalDateTime requestedAt = itemReturn.requestedAt();
        if (paidAt == null || !requestedAt.isAfter(paidAt)) {
            throw new IllegalArgumentException(code + " can only be returned after it was paid (" + paidAt + ")");
        }
        LocalDateTime acceptedAt = requestedAt.plusHours(1);
        LocalDateTime refundedAt = itemReturn.refundedAt();
        if (refundedAt != null && refundedAt.isBefore(acceptedAt)) {
            throw new IllegalArgumentException("The refund of " + code + " must come after the acceptance at " + acceptedAt);
        }
        Claim claim = new Claim(Claim.Type.RETURN, claimCodes.next(Claim.Type.RETURN, requestedAt.toLocalDate()), requestedAt);
        item.history().set(timeline.withReturn(claim, refundedAt == null ? null : acceptedAt, refundedAt));
    }
}
