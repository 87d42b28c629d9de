package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.cafe24.Cafe24Data.Category;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Coupon;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Item;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Variant;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the mall's data with the Admin API's documented field names and formats: money as decimal strings
 * ("12900.00"), flags as "T"/"F", dates as ISO 8601 with the +09:00 offset.
 */
final class Cafe24Json {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+09:00'");
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

    static Map<String, Object> product(Product p, boolean embedVariants, boolean embedInventories, boolean malformed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("product_no", p.productNo());
        m.put("product_code", p.productCode());
        m.put("custom_product_code", p.customProductCode());
        m.put("product_name", p.name());
        m.put("eng_product_name", "");
        m.put("model_name", "");
        m.put("price", malformed ? MALFORMED_PRICE : money(p.price()));
        m.put("retail_price", money(p.retailPrice()));
        m.put("supply_price", money(p.price().multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP)));
        m.put("display", flag(p.display()));
        m.put("selling", flag(p.selling()));
        m.put("product_condition", "N");
        m.put("sold_out", flag(p.variants().stream().allMatch(v -> v.useInventory() && v.quantity() == 0)));
        m.put("has_option", flag(p.variants().size() > 1));
        m.put("category", p.categoryNos().stream().map(no -> Map.of("category_no", no, "recommend", "F", "new", "F")).toList());
        m.put("created_date", p.createdDate().format(DATE_TIME));
        m.put("updated_date", p.updatedDate().format(DATE_TIME));
        if (embedVariants) {
            m.put("variants", p.variants().stream().map(v -> variant(p, v, embedInventories)).toList());
        }
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

    static Map<String, Object> order(Order o, boolean embedItems, boolean malformed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop_no", 1);
        m.put("currency", "KRW");
        m.put("order_id", o.orderId());
        m.put("market_id", "self");
        m.put("member_id", o.memberId());
        m.put("order_date", malformed ? MALFORMED_DATE : o.orderDate().format(DATE_TIME));
        m.put("payment_date", o.paymentDate() == null ? null : o.paymentDate().format(DATE_TIME));
        m.put("paid", flag(o.paid()));
        m.put("canceled", flag(o.canceled()));
        m.put("payment_method", List.of("card"));
        m.put("order_from_mobile", "F");
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("order_price_amount", money(o.orderPriceAmount()));
        amount.put("shipping_fee", money(o.shippingFee()));
        amount.put("points_spent_amount", "0.00");
        amount.put("credits_spent_amount", "0.00");
        amount.put("coupon_discount_price", money(o.couponDiscount()));
        amount.put("coupon_shipping_fee_amount", "0.00");
        amount.put("membership_discount_amount", "0.00");
        amount.put("shipping_fee_discount_amount", "0.00");
        amount.put("set_product_discount_amount", "0.00");
        amount.put("app_discount_amount", "0.00");
        amount.put("total_amount_due", "0.00");
        amount.put("payment_amount", money(o.paymentAmount()));
        m.put("actual_order_amount", amount);
        if (embedItems) {
            m.put("items", o.items().stream().map(Cafe24Json::item).toList());
        }
        return m;
    }

    static Map<String, Object> item(Item i) {
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
        m.put("payment_amount", money(i.paymentAmount()));
        m.put("order_status", i.orderStatus());
        return m;
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

    static LocalDateTime parseDate(String value) {
        return LocalDateTime.parse(value.length() == 10 ? value + "T00:00:00" : value.replace(' ', 'T'));
    }
}
