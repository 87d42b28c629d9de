package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;

import javax.sql.DataSource;
import java.util.List;

/** Upsert writers for the canonical tables (see the V3 migration), one per item type the collect steps produce. */
public final class CanonicalTables {

    public static final TableSpec CATEGORIES = new TableSpec("categories",
            List.of("account_id", "category_no", "name", "parent_category_no", "depth"),
            List.of("account_id", "category_no"));
    public static final TableSpec PRODUCTS = new TableSpec("products",
            List.of("account_id", "product_no", "product_code", "seller_code", "name", "price", "retail_price",
                    "displayed", "selling", "category_nos", "created_at", "updated_at", "source"),
            List.of("account_id", "product_no"));
    public static final TableSpec VARIANTS = new TableSpec("variants",
            List.of("account_id", "variant_code", "product_no", "seller_sku", "option_text", "additional_amount",
                    "displayed", "selling", "source"),
            List.of("account_id", "variant_code"));
    public static final TableSpec STOCK_LEVELS = new TableSpec("stock_levels",
            List.of("account_id", "variant_code", "business_date", "quantity", "safety_quantity",
                    "inventory_tracked", "source", "stale", "confirmed_at"),
            List.of("account_id", "variant_code", "business_date"));
    public static final TableSpec ORDERS = new TableSpec("orders",
            List.of("account_id", "order_id", "ordered_at", "paid_at", "paid", "canceled", "buyer_id",
                    "order_amount", "shipping_fee", "coupon_discount", "payment_amount"),
            List.of("account_id", "order_id"));
    public static final TableSpec ORDER_LINES = new TableSpec("order_lines",
            List.of("account_id", "line_id", "order_id", "product_no", "variant_code", "seller_sku", "product_name",
                    "option_text", "quantity", "unit_price", "option_price", "seller_discount", "coupon_discount",
                    "payment_amount", "platform_status", "status"),
            List.of("account_id", "line_id"));

    private final DataSource dataSource;
    private final UpsertMode mode;

    public CanonicalTables(DataSource dataSource, UpsertMode mode) {
        this.dataSource = dataSource;
        this.mode = mode;
    }

    public UpsertMode mode() {
        return mode;
    }

    public ItemWriter<Category> categories() {
        return new UpsertWriter<Category>(dataSource, CATEGORIES, mode, (c, out) -> out.accept(new Object[]{
                c.accountId(), c.categoryNo(), c.name(), c.parentCategoryNo(), c.depth()}));
    }

    public ItemWriter<Product> products() {
        return new UpsertWriter<Product>(dataSource, PRODUCTS, mode, (p, out) -> out.accept(new Object[]{
                p.accountId(), p.productNo(), p.productCode(), p.sellerCode(), p.name(), amount(p.price()),
                amount(p.retailPrice()), p.displayed(), p.selling(), String.join(",", p.categoryNos()),
                p.createdAt(), p.updatedAt(), p.source().name()}));
    }

    public ItemWriter<VariantStock> variantsAndStock() {
        UpsertWriter<VariantStock> variants = new UpsertWriter<>(dataSource, VARIANTS, mode,
                (vs, out) -> out.accept(variantRow(vs.variant())));
        UpsertWriter<VariantStock> stock = new UpsertWriter<>(dataSource, STOCK_LEVELS, mode,
                (vs, out) -> out.accept(stockRow(vs.stock())));
        return new CompositeItemWriter<>(List.of(variants, stock));
    }

    public ItemWriter<Order> orders() {
        UpsertWriter<Order> orders = new UpsertWriter<>(dataSource, ORDERS, mode, (o, out) -> out.accept(new Object[]{
                o.accountId(), o.orderId(), o.orderedAt(), o.paidAt(), o.paid(), o.canceled(), o.buyerId(),
                amount(o.orderAmount()), amount(o.shippingFee()), amount(o.couponDiscount()),
                amount(o.paymentAmount())}));
        UpsertWriter<Order> lines = new UpsertWriter<>(dataSource, ORDER_LINES, mode,
                (o, out) -> o.lines().forEach(l -> out.accept(orderLineRow(l))));
        return new CompositeItemWriter<>(List.of(orders, lines));
    }

    /** Order lines on their own: the bulk path the load benchmark measures. */
    public ItemWriter<OrderLine> orderLines() {
        return new UpsertWriter<OrderLine>(dataSource, ORDER_LINES, mode, (l, out) -> out.accept(orderLineRow(l)));
    }

    public static Object[] orderLineRow(OrderLine l) {
        return new Object[]{l.accountId(), l.lineId(), l.orderId(), l.productNo(), l.variantCode(), l.sellerSku(),
                l.productName(), l.optionText(), l.quantity(), amount(l.unitPrice()), amount(l.optionPrice()),
                amount(l.sellerDiscount()), amount(l.couponDiscount()), amount(l.paymentAmount()),
                l.platformStatus(), l.status().name()};
    }

    private static Object[] variantRow(Variant v) {
        return new Object[]{v.accountId(), v.variantCode(), v.productNo(), v.sellerSku(), v.optionText(),
                amount(v.additionalAmount()), v.displayed(), v.selling(), v.source().name()};
    }

    private static Object[] stockRow(StockLevel s) {
        // A value read now is fresh: writing it clears a stale mark left by an earlier failed crawl.
        return new Object[]{s.accountId(), s.variantCode(), s.businessDate(), s.quantity(), s.safetyQuantity(),
                s.inventoryTracked(), s.source().name(), false, java.time.LocalDateTime.now()};
    }

    private static java.math.BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
