package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.Extent;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.ProductStatus;
import com.mallbatch.domain.SourceKind;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.api.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Commerce API's JSON into the canonical model. A product is its origin product (the number orders name as
 * {@code originalProductId}) as its SmartStore channel product shows it; a variant is an option combination with its
 * stock; an order is every product order under one {@code orderId}, each a line keyed by its {@code productOrderId}.
 * Money is whole won, sent as numbers.
 */
final class SmartStoreMapper extends JsonFields {

    /** The commissions a product order carries (payment, sale, channel, shopping-search interlock). */
    private static final List<String> COMMISSIONS = List.of("paymentCommission", "saleCommission", "channelCommission",
            "knowledgeShoppingSellingInterlockCommission");

    private SmartStoreMapper(long accountId, String source, String entity, String key, JsonNode node) {
        super(accountId, source, entity, key, node);
    }

    /** The channel product of a search result that is the SmartStore one (else the first). */
    static JsonNode channelProduct(JsonNode content) {
        JsonNode first = content.path("channelProducts").path(0);
        for (JsonNode channel : content.path("channelProducts")) {
            if ("STOREFARM".equals(channel.path("channelServiceType").asString())) {
                return channel;
            }
        }
        return first;
    }

    static Product product(long accountId, JsonNode content, String source) {
        JsonNode channel = channelProduct(content);
        SmartStoreMapper m = new SmartStoreMapper(accountId, source, "product",
                content.path("originProductNo").asString("?"), channel);
        if (channel.isMissingNode()) {
            throw m.malformed("channelProducts", "is empty: an origin product is sold through at least one channel");
        }
        String statusType = m.text("statusType");
        boolean displayed = "ON".equals(m.optionalText("channelProductDisplayStatusType"));
        boolean selling = statusType.equals("SALE") || statusType.equals("OUTOFSTOCK");
        Money price = m.optionalMoney("discountedPrice") != null ? m.money("discountedPrice") : m.money("salePrice");
        return new Product(accountId, content.path("originProductNo").asString(), m.optionalText("channelProductNo"),
                m.optionalText("sellerManagementCode"), m.text("name"), m.optionalText("brandName"), price,
                m.optionalMoney("salePrice"), displayed, selling, status(statusType, displayed, m),
                m.optionalDateTime("regDate"), m.optionalDateTime("modifiedDate"), SourceKind.API);
    }

    private static ProductStatus status(String type, boolean displayed, SmartStoreMapper m) {
        return switch (type) {
            case "SALE" -> displayed ? ProductStatus.ON_SALE : ProductStatus.HIDDEN;
            case "OUTOFSTOCK" -> ProductStatus.SOLD_OUT;
            case "CLOSE", "DELETE" -> ProductStatus.ENDED;
            case "WAIT", "UNADMISSION", "REJECTION", "SUSPENSION", "PROHIBITION" -> ProductStatus.SUSPENDED;
            default -> throw m.malformed("statusType", "is '" + type + "', which Naver does not document");
        };
    }

    /** The categories a product sits in, from its whole category path ({@code 50000000>50000167>50000807}). */
    static List<Category> categories(long accountId, JsonNode content) {
        JsonNode channel = channelProduct(content);
        String[] ids = channel.path("wholeCategoryId").asString("").split(">");
        String[] names = channel.path("wholeCategoryName").asString("").split(">");
        List<Category> categories = new ArrayList<>();
        for (int depth = 0; depth < ids.length && !ids[depth].isBlank(); depth++) {
            String name = depth < names.length ? names[depth].strip() : ids[depth];
            categories.add(new Category(accountId, ids[depth].strip(), name, depth == 0 ? null : ids[depth - 1].strip(),
                    depth + 1));
        }
        return categories;
    }

    /** The leaf category of a product, or null when the platform did not say. */
    static String leafCategory(JsonNode content) {
        String leaf = channelProduct(content).path("categoryId").asString("");
        return leaf.isBlank() ? null : leaf;
    }

    /**
     * The option combinations of an origin product, each a variant with its stock for the business date; a product
     * without options is one variant keyed by the product's own number. Without stock management Naver reports a
     * placeholder quantity, so the stock is marked untracked.
     */
    static List<VariantStock> variantStocks(long accountId, String originProductNo, JsonNode detail, LocalDate day,
                                            String source) {
        JsonNode origin = detail.path("originProduct");
        SmartStoreMapper product = new SmartStoreMapper(accountId, source, "origin product", originProductNo, origin);
        if (!origin.isObject()) {
            throw product.malformed("originProduct", "is missing");
        }
        JsonNode optionInfo = origin.path("detailAttribute").path("optionInfo");
        boolean tracked = optionInfo.path("useStockManagement").asBoolean(false);
        List<String> groups = new ArrayList<>();
        optionInfo.path("optionCombinationGroupNames").properties().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(group -> groups.add(group.getValue().asString()));
        List<VariantStock> variants = new ArrayList<>();
        for (JsonNode combination : optionInfo.path("optionCombinations")) {
            SmartStoreMapper m = new SmartStoreMapper(accountId, source, "option combination",
                    originProductNo + " / " + combination.path("id").asString("?"), combination);
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 4 && m.optionalText("optionName" + i) != null; i++) {
                String group = i <= groups.size() ? groups.get(i - 1) : "옵션" + i;
                names.add(group + "=" + m.text("optionName" + i));
            }
            boolean usable = !"false".equals(m.optionalText("usable"));
            Variant variant = new Variant(accountId, m.text("id"), originProductNo, m.optionalText("sellerManagerCode"),
                    String.join(", ", names), m.optionalMoney("price") == null ? Money.ZERO : m.money("price"), usable,
                    usable, SourceKind.API);
            variants.add(new VariantStock(variant, new StockLevel(accountId, variant.variantCode(), day,
                    m.optionalText("stockQuantity") == null ? 0 : m.integer("stockQuantity"), 0, tracked, null, SourceKind.API)));
        }
        if (variants.isEmpty()) {
            String seller = origin.path("detailAttribute").path("sellerCodeInfo").path("sellerManagementCode").asString("");
            Variant single = new Variant(accountId, originProductNo, originProductNo, seller.isEmpty() ? null : seller, "",
                    Money.ZERO, true, true, SourceKind.API);
            variants.add(new VariantStock(single, new StockLevel(accountId, originProductNo, day,
                    product.integer("stockQuantity"), 0, true, null, SourceKind.API)));
        }
        return variants;
    }

    /** Every product order of one order ({@code productOrdersInfo} elements of the detail query). */
    static Order order(long accountId, String orderId, List<JsonNode> productOrders, String source) {
        SmartStoreMapper o = new SmartStoreMapper(accountId, source, "order", orderId, productOrders.get(0).path("order"));
        List<OrderLine> lines = new ArrayList<>();
        long paid = 0;
        long canceled = 0;
        long ordered = 0;
        long shipping = 0;
        long payment = 0;
        for (JsonNode info : productOrders) {
            SmartStoreMapper p = new SmartStoreMapper(accountId, source, "product order", orderId + " / "
                    + info.path("productOrder").path("productOrderId").asString("?"), info.path("productOrder"));
            OrderLine line = line(accountId, orderId, p);
            lines.add(line);
            // a deposit that never came cancels the line unpaid
            paid += line.status() == OrderLineStatus.AWAITING_PAYMENT
                    || line.platformStatus().equals(SmartStoreStatuses.CANCELED_BY_NOPAYMENT) ? 0 : 1;
            canceled += line.status() == OrderLineStatus.CANCELLED ? 1 : 0;
            ordered += p.whole("totalProductAmount");
            shipping += p.optionalText("deliveryFeeAmount") == null ? 0 : p.whole("deliveryFeeAmount");
            payment += p.whole("totalPaymentAmount");
        }
        Order order = new Order(accountId, orderId, o.dateTime("orderDate"), o.optionalDateTime("paymentDate"),
                extent(paid, lines.size()), extent(canceled, lines.size()), o.optionalText("ordererId"),
                Money.of(ordered), Money.of(shipping),
                o.optionalText("orderDiscountAmount") == null ? Money.ZERO : o.money("orderDiscountAmount"),
                Money.of(payment + shipping), lines);
        String clash = order.lineKeyClash();
        if (clash != null) {
            throw o.malformed("productOrderId", "two different product orders share one key: " + clash);
        }
        return order;
    }

    private static OrderLine line(long accountId, String orderId, SmartStoreMapper p) {
        String status = p.text("productOrderStatus");
        OrderLineStatus meaning = SmartStoreStatuses.meaning(status, p.optionalText("claimType"), p.optionalText("claimStatus"));
        if (meaning == null) {
            throw p.malformed("productOrderStatus", "is '" + status + "', which Naver does not document");
        }
        String variant = p.optionalText("optionCode") != null ? p.optionalText("optionCode") : p.optionalText("itemNo");
        String sku = p.optionalText("optionManageCode") != null ? p.optionalText("optionManageCode")
                : p.optionalText("sellerProductCode");
        return new OrderLine(accountId, orderId, p.text("productOrderId"), p.text("originalProductId"), variant, sku,
                p.text("productName"), p.optionalText("productOption") == null ? "" : p.optionalText("productOption"),
                p.integer("quantity"), null, p.money("unitPrice"),
                p.optionalText("optionPrice") == null ? Money.ZERO : p.money("optionPrice"),
                p.optionalText("productDiscountAmount") == null ? Money.ZERO : p.money("productDiscountAmount"), Money.ZERO,
                p.money("totalPaymentAmount"), status, meaning, p.commission());
    }

    /** What Naver keeps of the line: the sum of the commissions it reports on it, or null when it reports none. */
    private Money commission() {
        Money sum = null;
        for (String field : COMMISSIONS) {
            if (optionalText(field) != null) {
                sum = sum == null ? money(field) : sum.plus(money(field));
            }
        }
        return sum;
    }

    /** The figures of a daily settlement row besides the ones with columns of their own, under Naver's names. */
    private static final JsonMapper OTHERS_JSON = JsonMapper.builder().build();
    private static final List<String> OTHER_SETTLEMENT_AMOUNTS = List.of("deductionRestoreSettleAmount",
            "payHoldbackAmount", "minusChargeAmount", "differenceSettleAmount", "returnCareSettleAmount",
            "normalSettleAmount", "quickSettleAmount", "preferentialCommissionAmount", "settlementLimitAmount");

    static DailySettlement dailySettlement(long accountId, JsonNode row, String source) {
        SmartStoreMapper m = new SmartStoreMapper(accountId, source, "daily settlement",
                row.path("settleBasisStartDate").asString("?"), row);
        Map<String, Object> others = new LinkedHashMap<>();
        for (String field : OTHER_SETTLEMENT_AMOUNTS) {
            if (m.optionalText(field) != null) {
                others.put(field, m.money(field).amount());
            }
        }
        return new DailySettlement(accountId, m.date("settleBasisStartDate"),
                m.optionalText("merchantId") == null ? "" : m.optionalText("merchantId"), m.optionalDate("settleExpectDate"),
                m.optionalDate("settleCompleteDate"), m.optionalMoney("settleAmount"), m.optionalMoney("paySettleAmount"),
                m.optionalMoney("commissionSettleAmount"), m.optionalMoney("benefitSettleAmount"),
                others.isEmpty() ? null : OTHERS_JSON.writeValueAsString(others),
                source);
    }

    private LocalDate date(String field) {
        LocalDate value = optionalDate(field);
        if (value == null) {
            throw malformed(field, "is missing");
        }
        return value;
    }

    private LocalDate optionalDate(String field) {
        String raw = optionalText(field);
        try {
            return raw == null ? null : LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw malformed(field, "should be a date like 2026-10-31 but is \"" + raw + "\"");
        }
    }

    private long whole(String field) {
        return money(field).amount().longValueExact();
    }

    private static Extent extent(long some, int of) {
        return some == 0 ? Extent.NONE : some == of ? Extent.ALL : Extent.PARTIAL;
    }
}
