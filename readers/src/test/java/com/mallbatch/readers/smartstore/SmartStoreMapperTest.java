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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The mapper on recorded Commerce API payloads, field by field. */
class SmartStoreMapperTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SOURCE = "https://api.commerce.naver.com/external/v1/...";
    static final LocalDate DAY = LocalDate.of(2026, 3, 16);

    static JsonNode recorded(String name) throws IOException {
        try (InputStream in = SmartStoreMapperTest.class.getResourceAsStream("/smartstore/" + name)) {
            return JSON.readTree(in);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void aSearchResultIsAProductAsItsSmartStoreChannelShowsIt() throws IOException {
        List<JsonNode> contents = elements(recorded("product-search.json").path("contents"));
        List<Product> products = contents.stream().map(c -> SmartStoreMapper.product(7, c, SOURCE)).toList();

        Product shirt = products.get(0);
        assertThat(shirt.productNo()).isEqualTo("10234567891");
        assertThat(shirt.productCode()).as("the STOREFARM channel, not the window one listed first").isEqualTo("11534567801");
        assertThat(shirt.name()).isEqualTo("여성 린넨 오버핏 셔츠");
        assertThat(shirt.sellerCode()).isEqualTo("LS-1001");
        assertThat(shirt.brand()).isEqualTo("데일리룸");
        assertThat(shirt.price()).as("the discounted price").isEqualTo(Money.of(35_000));
        assertThat(shirt.retailPrice()).isEqualTo(Money.of(39_000));
        assertThat(shirt.status()).isEqualTo(ProductStatus.ON_SALE);
        assertThat(shirt.displayed()).isTrue();
        assertThat(shirt.selling()).isTrue();
        assertThat(shirt.createdAt()).isEqualTo(LocalDateTime.of(2025, 1, 20, 10, 15, 30, 123_000_000));
        assertThat(shirt.updatedAt()).isEqualTo(LocalDateTime.of(2026, 2, 1, 9, 0));
        assertThat(shirt.source()).isEqualTo(SourceKind.API);

        assertThat(products).extracting(Product::productNo, Product::status, Product::displayed, Product::selling,
                        Product::sellerCode, Product::price)
                .containsExactly(
                        tuple("10234567891", ProductStatus.ON_SALE, true, true, "LS-1001", Money.of(35_000)),
                        tuple("10234567895", ProductStatus.SOLD_OUT, true, true, null, Money.of(29_900)),
                        tuple("10234567902", ProductStatus.HIDDEN, false, true, "OP-7", Money.of(52_000)));
        assertThat(SmartStoreMapper.categories(7, contents.get(0)))
                .containsExactly(new Category(7, "50000000", "패션의류", null, 1),
                        new Category(7, "50000167", "여성의류", "50000000", 2),
                        new Category(7, "50000805", "블라우스/셔츠", "50000167", 3));
        assertThat(SmartStoreMapper.leafCategory(contents.get(0))).isEqualTo("50000805");
    }

    @Test
    void everyOptionCombinationIsAVariantWithItsStockWhenStockIsManaged() throws IOException {
        List<VariantStock> variants = SmartStoreMapper.variantStocks(7, "10234567891",
                recorded("origin-product-options.json"), DAY, SOURCE);

        assertThat(variants).extracting(VariantStock::variant).extracting(Variant::variantCode, Variant::productNo,
                        Variant::sellerSku, Variant::optionText, Variant::additionalAmount, Variant::selling)
                .containsExactly(
                        tuple("31000000101", "10234567891", "LS-1001-WH-S", "색상=화이트, 사이즈=S", Money.ZERO, true),
                        tuple("31000000102", "10234567891", "LS-1001-WH-M", "색상=화이트, 사이즈=M", Money.ZERO, true),
                        tuple("31000000103", "10234567891", null, "색상=블랙, 사이즈=XL", Money.of(2_000), false));
        assertThat(variants).extracting(VariantStock::stock).extracting(StockLevel::variantCode, StockLevel::quantity,
                        StockLevel::inventoryTracked, StockLevel::businessDate)
                .containsExactly(tuple("31000000101", 12, true, DAY), tuple("31000000102", 0, true, DAY),
                        tuple("31000000103", 5, true, DAY));
    }

    @Test
    void withoutStockManagementTheQuantityIsAPlaceholderAndNotTracked() throws IOException {
        JsonNode detail = recorded("origin-product-options.json");
        ObjectNode optionInfo = (ObjectNode) detail.path("originProduct").path("detailAttribute").path("optionInfo");
        optionInfo.put("useStockManagement", false);
        optionInfo.path("optionCombinations").forEach(c -> ((ObjectNode) c).put("stockQuantity", 9_999));

        List<VariantStock> variants = SmartStoreMapper.variantStocks(7, "10234567891", detail, DAY, SOURCE);

        assertThat(variants).hasSize(3).extracting(VariantStock::stock).extracting(StockLevel::inventoryTracked)
                .containsOnly(false);
    }

    @Test
    void aProductWithoutOptionsIsOneVariantKeyedByItsNumberWithItsOwnStock() throws IOException {
        List<VariantStock> variants = SmartStoreMapper.variantStocks(7, "10234567930",
                recorded("origin-product-single.json"), DAY, SOURCE);

        assertThat(variants).singleElement().satisfies(v -> {
            assertThat(v.variant()).isEqualTo(new Variant(7, "10234567930", "10234567930", "CAP-22", "", Money.ZERO,
                    true, true, SourceKind.API));
            assertThat(v.stock()).isEqualTo(new StockLevel(7, "10234567930", DAY, 37, 0, true, null, SourceKind.API));
        });
    }

    @Test
    void anOrderIsEveryProductOrderWithItsOwnStatusClaimAmountsAndCommissions() throws IOException {
        List<JsonNode> productOrders = elements(recorded("product-orders.json").path("data"));

        Order order = SmartStoreMapper.order(7, "2026031001000101", productOrders, SOURCE);

        assertThat(order.orderId()).isEqualTo("2026031001000101");
        assertThat(order.orderedAt()).isEqualTo(LocalDateTime.of(2026, 3, 10, 9, 12, 45, 120_000_000));
        assertThat(order.paidAt()).isEqualTo(LocalDateTime.of(2026, 3, 10, 9, 13, 2, 480_000_000));
        assertThat(order.buyerId()).isEqualTo("mint****");
        assertThat(order.paid()).isEqualTo(Extent.ALL);
        assertThat(order.canceled()).as("one of five product orders cancelled").isEqualTo(Extent.PARTIAL);
        assertThat(order.orderAmount()).isEqualTo(Money.of(208_400));
        assertThat(order.shippingFee()).isEqualTo(Money.of(3_000));
        assertThat(order.couponDiscount()).isEqualTo(Money.ZERO);
        assertThat(order.paymentAmount()).as("every line's totalPaymentAmount, cancelled and returned ones included, "
                + "plus the delivery fee: the order's generalPaymentAmount").isEqualTo(Money.of(201_400));
        assertThat(order.lines()).extracting(OrderLine::lineId, OrderLine::platformStatus, OrderLine::status)
                .containsExactly(
                        tuple("2026031001000102", "PURCHASE_DECIDED", OrderLineStatus.PURCHASE_CONFIRMED),
                        tuple("2026031001000103", "CANCELED", OrderLineStatus.CANCELLED),
                        tuple("2026031001000104", "RETURNED", OrderLineStatus.RETURNED),
                        tuple("2026031001000105", "DELIVERING", OrderLineStatus.RETURN_REQUESTED),
                        tuple("2026031001000106", "PAYED", OrderLineStatus.PREPARING));

        OrderLine shirt = order.lines().get(0);
        assertThat(shirt).isEqualTo(new OrderLine(7, "2026031001000101", "2026031001000102", "10234567891",
                "31000000101", "LS-1001-WH-S", "여성 린넨 오버핏 셔츠", "색상: 화이트 / 사이즈: S", 1, null,
                Money.of(39_000), Money.ZERO, Money.of(4_000), Money.ZERO, Money.of(35_000), "PURCHASE_DECIDED",
                OrderLineStatus.PURCHASE_CONFIRMED, Money.of(2_079)));
        OrderLine slacks = order.lines().get(1);
        assertThat(slacks.variantCode()).as("no option: the item number").isEqualTo("11534567805");
        assertThat(slacks.sellerSku()).isNull();
        assertThat(slacks.quantity()).isEqualTo(2);
        assertThat(slacks.paymentAmount()).isEqualTo(Money.of(59_800));
        assertThat(slacks.platformCommission()).isEqualTo(Money.of(2_170));
        OrderLine dress = order.lines().get(2);
        assertThat(dress.optionPrice()).isEqualTo(Money.of(2_000));
        assertThat(dress.sellerDiscount()).isEqualTo(Money.of(6_000));
        assertThat(dress.paymentAmount()).isEqualTo(Money.of(54_000));
        assertThat(dress.platformCommission()).isEqualTo(Money.of(3_040));
        assertThat(order.lines().get(3).sellerSku()).as("no option code: the product's seller code").isEqualTo("CAP-22");
    }

    @Test
    void aDailySettlementKeepsItsOwnFiguresAndTheRestUnderNaversNames() throws IOException {
        List<JsonNode> rows = elements(recorded("settle-daily.json").path("elements"));

        DailySettlement paid = SmartStoreMapper.dailySettlement(7, rows.get(0), SOURCE);
        DailySettlement expected = SmartStoreMapper.dailySettlement(7, rows.get(1), SOURCE);

        assertThat(paid.basisDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(paid.merchantId()).isEqualTo("np_1a2b3c");
        assertThat(paid.expectedOn()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(paid.completedOn()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(paid.settleAmount()).isEqualTo(Money.of(96_368));
        assertThat(paid.paySettleAmount()).isEqualTo(Money.of(100_000));
        assertThat(paid.commissionAmount()).isEqualTo(Money.of(-3_632));
        assertThat(paid.benefitAmount()).isEqualTo(Money.ZERO);
        assertThat(paid.source()).isEqualTo(SOURCE);
        JsonNode others = JSON.readTree(paid.otherAmounts());
        assertThat(others.path("payHoldbackAmount").decimalValue()).isEqualByComparingTo("-1500");
        assertThat(others.path("normalSettleAmount").decimalValue()).isEqualByComparingTo("96368");
        assertThat(others.has("settleAmount")).as("kept in its own column").isFalse();

        assertThat(expected.basisDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(expected.expectedOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(expected.completedOn()).as("not paid out yet").isNull();
        assertThat(expected.settleAmount()).isEqualTo(Money.of(35_921));
        assertThat(expected.otherAmounts()).as("no other figure reported").isNull();
    }
}
