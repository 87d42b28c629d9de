package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.smartstore.StoreData.Order;
import com.mallbatch.sandbox.smartstore.StoreData.Product;
import com.mallbatch.sandbox.smartstore.StoreData.ProductOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A seller's generated catalogue and orders with the indexes the endpoints look them up by. */
final class SellerData {

    private final List<Product> products;
    private final List<Order> orders;
    private final List<ProductOrder> productOrders = new ArrayList<>();
    private final Map<Long, Product> byOriginNo = new HashMap<>();
    private final Map<String, ProductOrder> byProductOrderId = new HashMap<>();
    private final Map<String, Order> byOrderId = new HashMap<>();

    SellerData(SandboxConfig config, int sellerIndex) {
        StoreDataGenerator generator = new StoreDataGenerator(config, sellerIndex);
        this.products = generator.products();
        this.orders = generator.orders(products);
        products.forEach(p -> byOriginNo.put(p.originProductNo(), p));
        for (Order order : orders) {
            byOrderId.put(order.orderId(), order);
            for (ProductOrder po : order.productOrders()) {
                productOrders.add(po);
                byProductOrderId.put(po.productOrderId(), po);
            }
        }
    }

    List<Product> products() {
        return products;
    }

    List<Order> orders() {
        return orders;
    }

    /** Every product order, in order of their orders (and ids). */
    List<ProductOrder> productOrders() {
        return productOrders;
    }

    Product product(long originProductNo) {
        return byOriginNo.get(originProductNo);
    }

    Order order(String orderId) {
        return byOrderId.get(orderId);
    }

    ProductOrder productOrder(String productOrderId) {
        return byProductOrderId.get(productOrderId);
    }
}
