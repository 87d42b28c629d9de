package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.cafe24.Cafe24Data.Amounts;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Category;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Coupon;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Variant;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the mall's data with the Admin API's documented field names and formats: money as decimal strings
 * ("12900.00"), flags as "T"/"F", dates as ISO 8601 with the +09:00 offset, except order items' dates, which the
 * docs show as "YYYY-MM-DD HH:MM:SS" without an offset. Orders render as they stand at the mall's "now".
 */
final class Cafe24Json {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+09:00'");
    static final DateTimeFormatter ITEM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The documented item date fields and the step each one dates. */
    private static final Map<String, List<ItemStep>> ITEM_DATES = itemDates();
    /** What a corrupted record carries instead of a decimal price. */
    static final String MALFORMED_PRICE = "12,9OO원";
    static final String MALFORMED_DATE = "2026-13-45T25:61:00+09:00";

    private Cafe24Json() {
    }

    static Map<String, Object> category(Category c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("category_no", c.categoryNo());
        m.put("category_depth", c.depth());
        m.put("parent_category_no", c.parentCategoryNo());
        m.put("category_name", c.name());
        m.put("display_type", "A");
        m.put("use_display", "T");
        return m;
    }

    /** A product as the list answers it: the docs' list example carries no category. */
    static Map<String, Object> product(Product p, boolean embedVariants, boolean embedInventories, boolean malformed) {
        return product(p, false, embedVariants, embedInventories, malformed);
    }

    /** A product as GET /products/{product_no} answers it, with its categories. */
    static Map<String, Object> productDetail(Product p, boolean embedVariants, boolean embedInventories, boolean malformed) {
        return product(p, true, embedVariants, embedInventories, malformed);
    }

    private static Map<String, Object> product(Product p, boolean withCategory, boolean embedVariants,
                                               boolean embedInventories, boolean malformed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("product_no", p.productNo());
        if (withCategory) {
            // the sandbox recommends nothing and marks nothing new: display groups 2 and 3 are empty
            m.put("category", p.categoryNos().stream().map(no -> Map.of("category_no", no, "recommend", "F", "new", "F")).toList());
        }
        m.put("product_code", p.productCode());
        m.put("custom_product_code", p.customProductCode());
        m.put("product_name", p.name());
        m.put("eng_product_name", "");
        m.put("model_name", "");
        m.put("brand_code", brandCode(p));
        m.put("price", malformed ? MALFORMED_PRICE : money(p.price()));
        m.put("retail_price", money(p.retailPrice()));
        m.put("supply_price", money(p.price().multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP)));
        m.put("display", flag(p.display()));
        m.put("selling", flag(p.selling()));
        m.put("product_condition", "N");
        m.put("sold_out", flag(p.soldOut()));
        m.put("has_option", flag(p.variants().size() > 1));
        m.put("created_date", p.createdDate().format(DATE_TIME));
        m.put("updated_date", p.updatedDate().format(DATE_TIME));
        if (embedVariants) {
            m.put("variants", p.variants().stream().map(v -> variant(p, v, embedInventories)).toList());
        }
        return m;
    }

    /** One row of GET /categories/{category_no}/products; its flags are JSON booleans, as documented. */
    static Map<String, Object> categoryProduct(Product p, int sequenceNo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("product_no", p.productNo());
        m.put("sequence_no", sequenceNo);
        m.put("auto_sort", false);
        m.put("sold_out", p.soldOut());
        m.put("fixed_sort", false);
        m.put("not_for_sale", !p.selling());
        return m;
    }

    static Map<String, Object> variant(Product p, Variant v, boolean embedInventories) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("variant_code", v.variantCode());
        m.put("options", v.options().stream().map(o -> Map.of("name", o.name(), "value", o.value())).toList());
        m.put("custom_variant_code", v.customVariantCode());
        m.put("display", flag(v.display()));
        m.put("selling", flag(v.selling()));
        m.put("additional_amount", money(v.additionalAmount()));
        m.put("use_inventory", flag(v.useInventory()));
        m.put("important_inventory", "A");
        m.put("inventory_control_type", "A");
        m.put("display_soldout", "T");
        m.put("quantity", v.quantity());
        m.put("safety_inventory", v.safetyInventory());
        if (embedInventories) {
            m.put("inventories", inventory(v));
        }
        return m;
    }

    static Map<String, Object> inventory(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("variant_code", v.variantCode());
        m.put("use_inventory", flag(v.useInventory()));
        m.put("important_inventory", "A");
        m.put("inventory_control_type", "A");
        m.put("display_soldout", "T");
        m.put("quantity", v.quantity());
        m.put("safety_inventory", v.safetyInventory());
        return m;
    }

    /**
     * An order at {@code now}. canceled is "M" while only some items are cancelled; actual_order_amount leaves out
     * cancelled and returned items (and the shipping fee once nothing is left to ship), initial_order_amount does not.
     */
    static Map<String, Object> order(Order o, LocalDateTime now, boolean embedItems, boolean itemPaymentAmounts,
                                     boolean malformed) {
        long cancelled = o.items().stream().filter(i -> ItemStep.isCancelled(i.timeline().status(now))).count();
        boolean allCancelled = o.allCancelled(now);
        LocalDateTime paidAt = o.paymentDate(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("currency", "KRW");
        m.put("order_id", o.orderId());
        m.put("market_id", "self");
        m.put("member_id", o.memberId());
        m.put("order_date", malformed ? MALFORMED_DATE : o.orderDate().format(DATE_TIME));
        m.put("payment_date", paidAt == null ? null : paidAt.format(DATE_TIME));
        m.put("paid", flag(paidAt != null));
        m.put("canceled", allCancelled ? "T" : cancelled > 0 ? "M" : "F");
        m.put("cancel_date", allCancelled ? lastCancelDate(o, now).format(DATE_TIME) : null);
        m.put("payment_method", List.of(o.paymentMethod()));
        m.put("order_from_mobile", "F");
        m.put("initial_order_amount", amount(o.initialAmounts()));
        m.put("actual_order_amount", amount(o.actualAmounts(now)));
        if (embedItems) {
            m.put("items", o.items().stream().map(i -> item(i, now, itemPaymentAmounts)).toList());
        }
        return m;
    }

    private static LocalDateTime lastCancelDate(Order o, LocalDateTime now) {
        return o.items().stream()
                .flatMap(i -> OrderDateType.CANCEL_DATE.steps().stream().map(step -> i.timeline().date(step, now)))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static Map<String, Object> amount(Amounts a) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("order_price_amount", money(a.orderPriceAmount()));
        amount.put("shipping_fee", money(a.shippingFee()));
        amount.put("points_spent_amount", "0.00");
        amount.put("credits_spent_amount", "0.00");
        amount.put("coupon_discount_price", money(a.couponDiscount()));
        amount.put("coupon_shipping_fee_amount", "0.00");
        amount.put("membership_discount_amount", "0.00");
        amount.put("shipping_fee_discount_amount", "0.00");
        amount.put("set_product_discount_amount", "0.00");
        amount.put("app_discount_amount", "0.00");
        amount.put("total_amount_due", "0.00");
        amount.put("payment_amount", money(a.paymentAmount()));
        return amount;
    }

    /**
     * An order item at {@code now}. payment_amount is null unless the mall set up discount auto-calculation, as the
     * docs say; the claim fields are null until a claim begins, and each date is null until it happens.
     */
    static Map<String, Object> item(Item i, LocalDateTime now, boolean withPaymentAmount) {
        Timeline timeline = i.timeline();
        Claim claim = timeline.claim(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("item_no", i.itemNo());
        m.put("order_item_code", i.orderItemCode());
        m.put("variant_code", i.variant().variantCode());
        m.put("product_no", i.product().productNo());
        m.put("product_code", i.product().productCode());
        m.put("custom_product_code", i.product().customProductCode());
        m.put("custom_variant_code", i.variant().customVariantCode());
        m.put("product_name", i.product().name());
        m.put("option_value", i.variant().optionValue());
        m.put("quantity", i.quantity());
        m.put("product_price", money(i.product().price()));
        m.put("option_price", money(i.variant().additionalAmount()));
        m.put("additional_discount_price", money(i.additionalDiscount()));
        m.put("coupon_discount_price", money(i.couponDiscount()));
        m.put("app_item_discount_amount", "0.00");
        m.put("payment_amount", withPaymentAmount ? money(i.paymentAmount()) : null);
        m.put("order_status", timeline.status(now));
        m.put("order_status_before_cs", claim == null ? null : timeline.statusBeforeClaim());
        m.put("status_code", claim == null ? "N1" : claim.type().statusCode());
        m.put("claim_code", claim == null ? null : claim.code());
        ITEM_DATES.forEach((field, steps) -> m.put(field, steps.stream().map(step -> timeline.date(step, now))
                .filter(Objects::nonNull).findFirst().map(ITEM_DATE_TIME::format).orElse(null)));
        return m;
    }

    private static Map<String, List<ItemStep>> itemDates() {
        Map<String, List<ItemStep>> dates = new LinkedHashMap<>();
        dates.put("ordered_date", List.of(ItemStep.ORDERED));
        dates.put("shipped_date", List.of(ItemStep.SHIPPED));
        dates.put("delivered_date", List.of(ItemStep.DELIVERED));
        dates.put("purchaseconfirmation_date", List.of(ItemStep.PURCHASE_CONFIRMED));
        dates.put("cancel_date", OrderDateType.CANCEL_DATE.steps());
        dates.put("cancel_request_date", List.of(ItemStep.CANCEL_REQUESTED));
        dates.put("return_request_date", List.of(ItemStep.RETURN_REQUESTED));
        dates.put("return_confirmed_date", List.of(ItemStep.RETURN_ACCEPTED));
        dates.put("refund_date", List.of(ItemStep.RETURNED));
        dates.put("exchange_request_date", List.of(ItemStep.EXCHANGE_REQUESTED));
        dates.put("exchange_date", List.of(ItemStep.EXCHANGED));
        return dates;
    }

    static Map<String, Object> coupon(Coupon c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("coupon_no", c.couponNo());
        m.put("coupon_type", "O");
        m.put("coupon_name", c.couponName());
        m.put("benefit_type", c.benefitType());
        m.put("benefit_price", c.benefitPrice() == null ? null : money(c.benefitPrice()));
        m.put("benefit_percentage", c.benefitPercentage() == null ? null : c.benefitPercentage().toPlainString());
        m.put("created_date", c.createdDate().format(DATE_TIME));
        m.put("deleted", "F");
        return m;
    }

    /** Cafe24's default brand is B0000000; some of the seller's goods carry a brand of their own. */
    private static String brandCode(Product p) {
        return p.productNo() % 4 == 0 ? "B000000" + (char) ('A' + p.productNo() % 3) : "B0000000";
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static String flag(boolean value) {
        return value ? "T" : "F";
    }

    /** The Admin API's documented error body. */
    static Map<String, Object> error(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", Map.of());
        return Map.of("error", error);
    }
}
