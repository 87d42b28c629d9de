package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Extent;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.ProductStatus;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.SourceKind;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.api.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Admin API JSON into the canonical model, field by field, and says exactly which field of which record was
 * wrong when one cannot be read.
 */
final class Cafe24Mapper extends JsonFields {

    private Cafe24Mapper(long accountId, String source, String entity, String key, JsonNode node) {
        super(accountId, source, entity, key, node);
    }

    static Category category(long accountId, JsonNode node, String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "category", node.path("category_no").asString("?"), node);
        int depth = m.integer("category_depth");
        String parent = m.optionalText("parent_category_no");
        return new Category(accountId, m.text("category_no"), m.text("category_name"),
                depth <= 1 ? null : parent, depth);
    }

    static Product product(long accountId, JsonNode node, String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "product", node.path("product_no").asString("?"), node);
        boolean displayed = m.flag("display");
        boolean selling = m.flag("selling");
        ProductStatus status = !selling ? ProductStatus.SUSPENDED : !displayed ? ProductStatus.HIDDEN
                : m.optionalFlag("sold_out") ? ProductStatus.SOLD_OUT : ProductStatus.ON_SALE;
        return new Product(accountId, m.text("product_no"), m.optionalText("product_code"),
                m.optionalText("custom_product_code"), m.text("product_name"), m.optionalText("brand_code"),
                m.money("price"), m.optionalMoney("retail_price"), displayed, selling, status,
                m.dateTime("created_date"), m.dateTime("updated_date"), SourceKind.API);
    }

    /** An entry of {@code categories/{category_no}/products}: the category's number is in the URL, not the entry. */
    static CategoryMembership membership(long accountId, String categoryNo, JsonNode node, String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "category product", categoryNo + " / "
                + node.path("product_no").asString("?"), node);
        return new CategoryMembership(accountId, categoryNo, m.text("product_no"));
    }

    static VariantStock variantStock(long accountId, String productNo, JsonNode node, LocalDate businessDate,
                                     String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "variant", node.path("variant_code").asString("?"), node);
        List<String> options = new ArrayList<>();
        node.path("options").forEach(o -> options.add(o.path("name").asString() + "=" + o.path("value").asString()));
        Variant variant = new Variant(accountId, m.text("variant_code"), productNo,
                m.optionalText("custom_variant_code"), String.join(", ", options), m.money("additional_amount"),
                m.flag("display"), m.flag("selling"), SourceKind.API);
        JsonNode inventory = node.path("inventories").isObject() ? node.path("inventories") : node;
        Cafe24Mapper inv = new Cafe24Mapper(accountId, source, "inventory", variant.variantCode(), inventory);
        StockLevel stock = new StockLevel(accountId, variant.variantCode(), businessDate, inv.integer("quantity"),
                inv.integer("safety_inventory"), inv.flag("use_inventory"), null, SourceKind.API);
        return new VariantStock(variant, stock);
    }

    static Order order(long accountId, JsonNode node, String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "order", node.path("order_id").asString("?"), node);
        String orderId = m.text("order_id");
        Cafe24Mapper amount = m.child("actual_order_amount");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            lines.add(orderLine(accountId, orderId, item, source));
        }
        if (lines.isEmpty()) {
            throw m.malformed("items", "is empty: the order was requested with embed=items, so lines were expected");
        }
        Order order = new Order(accountId, orderId, m.dateTime("order_date"), m.optionalDateTime("payment_date"),
                m.extent("paid"), m.extent("canceled"), m.optionalText("member_id"), amount.money("order_price_amount"),
                amount.money("shipping_fee"), amount.money("coupon_discount_price"), amount.money("payment_amount"),
                lines);
        String clash = order.lineKeyClash();
        if (clash != null) {
            throw m.malformed("items", "holds two different lines under one key: " + clash);
        }
        return order;
    }

    /**
     * The day's figures in an answer of GET /financials/dailysales: its entries dated {@code day} for shop 1 (an entry
     * without shop_no counts as shop 1, the shop the order list reads by default), summed in case Cafe24 splits a day,
     * e.g. by PG. orderCount is sales_count; amount is payment_amount − refund_amount, what the day's paid orders come
     * to after cancellations and returns (the sum of their actual payment_amount). Null when no entry has the day:
     * Cafe24 has not published it.
     */
    static DailyTotals dailySales(long accountId, LocalDate day, JsonNode body, String source) {
        JsonNode entries = body.path("dailysales");
        if (!entries.isArray()) {
            throw new Cafe24Mapper(accountId, source, "daily sales", day.toString(), body)
                    .malformed("dailysales", "should be the list of days but is " + (entries.isMissingNode() ? "missing" : entries.getNodeType()));
        }
        boolean found = false;
        int count = 0;
        java.math.BigDecimal net = java.math.BigDecimal.ZERO;
        for (JsonNode entry : entries) {
            Cafe24Mapper m = new Cafe24Mapper(accountId, source, "daily sales", entry.path("date").asString("?"), entry);
            if (!m.date("date").equals(day)) {
                continue;
            }
            String shop = m.optionalText("shop_no");
            if (shop != null && !shop.equals("1")) {
                continue;
            }
            found = true;
            count += m.integer("sales_count");
            net = net.add(m.money("payment_amount").amount()).subtract(m.money("refund_amount").amount());
        }
        return found ? new DailyTotals(accountId, day, Cafe24SalesReport.SOURCE, count, new Money(net)) : null;
    }

    private LocalDate date(String field) {
        String raw = text(field);
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw malformed(field, "should be a day like 2026-11-20 but is \"" + raw + "\"");
        }
    }

    private static OrderLine orderLine(long accountId, String orderId, JsonNode item, String source) {
        Cafe24Mapper m = new Cafe24Mapper(accountId, source, "order line", orderId + " / "
                + item.path("order_item_code").asString("?"), item);
        String code = m.text("order_status");
        OrderLineStatus status = m.status(code);
        // payment_amount is null unless the mall turned on discount auto-calculation (documented): left empty then
        return new OrderLine(accountId, orderId, m.text("order_item_code"), m.text("product_no"),
                m.optionalText("variant_code"), m.optionalText("custom_variant_code"), m.text("product_name"),
                m.optionalText("option_value") == null ? "" : m.optionalText("option_value"), m.integer("quantity"),
                null, m.money("product_price"), m.money("option_price"), m.money("additional_discount_price"),
                m.money("coupon_discount_price"), m.optionalMoney("payment_amount"), code, status);
    }

    private OrderLineStatus status(String code) {
        if (Cafe24StatusCodes.isRefusedClaim(code)) {
            String before = optionalText("order_status_before_cs");
            OrderLineStatus meaning = Cafe24StatusCodes.meaning(before);
            if (meaning == null) {
                throw malformed("order_status_before_cs", "should give the status before the refused claim " + code
                        + " but is " + (before == null ? "missing" : "the undocumented code '" + before + "'"));
            }
            return meaning;
        }
        OrderLineStatus meaning = Cafe24StatusCodes.meaning(code);
        if (meaning == null) {
            throw malformed("order_status", "has the status code '" + code + "', which Cafe24 does not document; "
                    + "check the mall's order in its admin and tell the mallbatch maintainers");
        }
        return meaning;
    }

    private Cafe24Mapper child(String field) {
        JsonNode child = node.path(field);
        if (!child.isObject()) {
            throw malformed(field, "is missing");
        }
        return new Cafe24Mapper(accountId, source, entity, key, child);
    }

    private boolean flag(String field) {
        String raw = text(field);
        return switch (raw) {
            case "T" -> true;
            case "F" -> false;
            default -> throw malformed(field, "should be T or F but is \"" + raw + "\"");
        };
    }

    /** A flag the mall may leave out; absent means F. */
    private boolean optionalFlag(String field) {
        return optionalText(field) != null && flag(field);
    }

    /** Cafe24's T (all), F (none) or M (some lines: partly paid or partly cancelled). */
    private Extent extent(String field) {
        String raw = text(field);
        return switch (raw) {
            case "T" -> Extent.ALL;
            case "F" -> Extent.NONE;
            case "M" -> Extent.PARTIAL;
            default -> throw malformed(field, "should be T, F or M (partly) but is \"" + raw + "\"");
        };
    }
}
