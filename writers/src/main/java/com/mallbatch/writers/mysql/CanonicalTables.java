package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static com.mallbatch.writers.mysql.TableSpec.amount;
import static com.mallbatch.writers.mysql.TableSpec.column;
import static com.mallbatch.writers.mysql.TableSpec.key;
import static com.mallbatch.writers.mysql.TableSpec.stamp;

/** Upsert writers for the canonical tables (V3 and later migrations), one per item type the collect steps produce. */
public final class CanonicalTables {

    public static final TableSpec<Category> CATEGORIES = TableSpec.of("categories",
            key("account_id", Category::accountId),
            key("category_no", Category::categoryNo),
            column("name", Category::name),
            column("parent_category_no", Category::parentCategoryNo),
            column("depth", Category::depth));

    public static final TableSpec<Product> PRODUCTS = TableSpec.of("products",
            key("account_id", Product::accountId),
            key("product_no", Product::productNo),
            column("product_code", Product::productCode),
            column("seller_code", Product::sellerCode),
            column("name", Product::name),
            column("brand", Product::brand),
            amount("price", Product::price),
            amount("retail_price", Product::retailPrice),
            column("displayed", Product::displayed),
            column("selling", Product::selling),
            column("status", p -> p.status().name()),
            column("created_at", Product::createdAt),
            column("updated_at", Product::updatedAt),
            column("source", p -> p.source().name()));

    public static final TableSpec<Variant> VARIANTS = TableSpec.of("variants",
            key("account_id", Variant::accountId),
            key("variant_code", Variant::variantCode),
            column("product_no", Variant::productNo),
            column("seller_sku", Variant::sellerSku),
            column("option_text", Variant::optionText),
            amount("additional_amount", Variant::additionalAmount),
            column("displayed", Variant::displayed),
            column("selling", Variant::selling),
            column("source", v -> v.source().name()));

    /**
     * A value read now is fresh (it clears a stale mark left by an earlier failed collect) and partial until its
     * account's collect of the date completes.
     */
    public static final TableSpec<StockLevel> STOCK_LEVELS = TableSpec.of("stock_levels",
            key("account_id", StockLevel::accountId),
            key("variant_code", StockLevel::variantCode),
            key("business_date", StockLevel::businessDate),
            column("quantity", StockLevel::quantity),
            column("stock_text", StockLevel::stockText),
            column("safety_quantity", StockLevel::safetyQuantity),
            column("inventory_tracked", StockLevel::inventoryTracked),
            column("source", s -> s.source().name()),
            stamp("stale", s -> false),
            stamp("confirmed_at", s -> LocalDateTime.now()),
            stamp("partial", s -> true));

    public static final TableSpec<Order> ORDERS = TableSpec.of("orders",
            key("account_id", Order::accountId),
            key("order_id", Order::orderId),
            column("ordered_at", Order::orderedAt),
            column("paid_at", Order::paidAt),
            column("paid", o -> o.paid().name()),
            column("canceled", o -> o.canceled().name()),
            column("buyer_id", Order::buyerId),
            amount("order_amount", Order::orderAmount),
            amount("shipping_fee", Order::shippingFee),
            amount("coupon_discount", Order::couponDiscount),
            amount("payment_amount", Order::paymentAmount));

    public static final TableSpec<OrderLine> ORDER_LINES = TableSpec.of("order_lines",
            key("account_id", OrderLine::accountId),
            key("order_id", OrderLine::orderId),
            key("line_id", OrderLine::lineId),
            column("product_no", OrderLine::productNo),
            column("variant_code", OrderLine::variantCode),
            column("seller_sku", OrderLine::sellerSku),
            column("product_name", OrderLine::productName),
            column("option_text", OrderLine::optionText),
            column("quantity", OrderLine::quantity),
            amount("list_price", OrderLine::listPrice),
            amount("unit_price", OrderLine::unitPrice),
            amount("option_price", OrderLine::optionPrice),
            amount("seller_discount", OrderLine::sellerDiscount),
            amount("coupon_discount", OrderLine::couponDiscount),
            amount("payment_amount", OrderLine::paymentAmount),
            column("platform_status", OrderLine::platformStatus),
            column("status", l -> l.status().name()),
            amount("platform_commission", OrderLine::platformCommission));

    public static final TableSpec<DailySettlement> DAILY_SETTLEMENTS = TableSpec.of("mall_daily_settlements",
            key("account_id", DailySettlement::accountId),
            key("settle_basis_date", DailySettlement::basisDate),
            key("merchant_id", s -> s.merchantId() == null ? "" : s.merchantId()),
            column("settle_expect_date", DailySettlement::expectedOn),
            column("settle_complete_date", DailySettlement::completedOn),
            amount("settle_amount", DailySettlement::settleAmount),
            amount("pay_settle_amount", DailySettlement::paySettleAmount),
            amount("commission_amount", DailySettlement::commissionAmount),
            amount("benefit_amount", DailySettlement::benefitAmount),
            column("other_amounts", DailySettlement::otherAmounts),
            column("source", DailySettlement::source));

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
        return UpsertWriter.rowPerItem(dataSource, CATEGORIES, mode);
    }

    /** Memberships seen by the collect of {@code businessDate}; see {@link JdbcCategoryMemberships}. */
    public ItemWriter<CategoryMembership> categoryMemberships(LocalDate businessDate) {
        return UpsertWriter.rowPerItem(dataSource, TableSpec.of("product_categories",
                key("account_id", CategoryMembership::accountId),
                key("product_no", CategoryMembership::productNo),
                key("category_no", CategoryMembership::categoryNo),
                stamp("seen_on", m -> businessDate)), mode);
    }

    public ItemWriter<Product> products() {
        return UpsertWriter.rowPerItem(dataSource, PRODUCTS, mode);
    }

    public ItemWriter<VariantStock> variantsAndStock() {
        ItemWriter<VariantStock> variants = new UpsertWriter<VariantStock, Variant>(dataSource, VARIANTS, mode,
                (vs, out) -> out.accept(vs.variant()));
        ItemWriter<VariantStock> stock = new UpsertWriter<VariantStock, StockLevel>(dataSource, STOCK_LEVELS, mode,
                (vs, out) -> out.accept(vs.stock()));
        return new CompositeItemWriter<>(List.of(variants, stock));
    }

    public ItemWriter<Order> orders() {
        ItemWriter<Order> orders = UpsertWriter.rowPerItem(dataSource, ORDERS, mode);
        ItemWriter<Order> lines = new UpsertWriter<Order, OrderLine>(dataSource, ORDER_LINES, mode,
                (order, out) -> order.lines().forEach(out));
        return new CompositeItemWriter<>(List.of(orders, lines));
    }

    public ItemWriter<DailySettlement> dailySettlements() {
        return UpsertWriter.rowPerItem(dataSource, DAILY_SETTLEMENTS, mode);
    }

    /** Order lines on their own: the bulk path the load benchmark measures. */
    public ItemWriter<OrderLine> orderLines() {
        return UpsertWriter.rowPerItem(dataSource, ORDER_LINES, mode);
    }
}
