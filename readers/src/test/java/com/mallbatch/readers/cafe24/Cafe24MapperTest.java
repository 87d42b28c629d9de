package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.Extent;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.ProductStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapper on recorded Admin API payloads: partial flags, every line's own state, refused claims, unknown codes. */
class Cafe24MapperTest {

    static final String SOURCE = "https://acmeshop.cafe24api.com/api/v2/admin/orders?embed=items";

    static ObjectNode recorded(String name) throws IOException {
        try (InputStream in = Cafe24MapperTest.class.getResourceAsStream("/cafe24/" + name)) {
            return (ObjectNode) JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void aPartlyCancelledOrderKeepsEveryLineWithItsOwnStateAndAmounts() throws IOException {
        Order order = Cafe24Mapper.order(7, recorded("order-partly-cancelled.json"), SOURCE);

        assertThat(order.paid()).isEqualTo(Extent.ALL);
        assertThat(order.canceled()).isEqualTo(Extent.PARTIAL);
        assertThat(order.paymentAmount()).isEqualTo(Money.of(40_000));
        assertThat(order.lines()).extracting(OrderLine::lineId, OrderLine::platformStatus, OrderLine::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20261020-0000007-01", "N40", OrderLineStatus.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple("20261020-0000007-02", "C40", OrderLineStatus.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("20261020-0000007-03", "R11", OrderLineStatus.PURCHASE_CONFIRMED));
        OrderLine cancelled = order.lines().get(1);
        assertThat(cancelled.unitPrice()).isEqualTo(Money.of(29_000));
        assertThat(cancelled.paymentAmount()).as("null unless the mall auto-calculates discounts: not guessed").isNull();
        OrderLine third = order.lines().get(2);
        assertThat(third.optionPrice()).isEqualTo(Money.of(1_000));
        assertThat(third.sellerDiscount()).isEqualTo(Money.of(500));
        assertThat(third.quantity()).isEqualTo(2);
        assertThat(third.listPrice()).isNull();
    }

    @Test
    void everyFlagValueTheDocsListIsReadAndAnyOtherIsNamed() throws IOException {
        ObjectNode order = recorded("order-partly-cancelled.json");
        order.put("paid", "M");
        assertThat(Cafe24Mapper.order(7, order, SOURCE).paid()).isEqualTo(Extent.PARTIAL);
        order.put("canceled", "T");
        assertThat(Cafe24Mapper.order(7, order, SOURCE).canceled()).isEqualTo(Extent.ALL);
        order.put("canceled", "Y");
        assertThatThrownBy(() -> Cafe24Mapper.order(7, order, SOURCE)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("order 20261020-0000007").hasMessageContaining("field 'canceled'")
                .hasMessageContaining("should be T, F or M");
    }

    @Test
    void aStatusCodeTheDocsDoNotListMakesTheOrderMalformedWithAReadableReason() throws IOException {
        ObjectNode order = recorded("order-partly-cancelled.json");
        ((ObjectNode) order.get("items").get(0)).put("order_status", "E41");

        assertThatThrownBy(() -> Cafe24Mapper.order(7, order, SOURCE)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("20261020-0000007 / 20261020-0000007-01").hasMessageContaining("field 'order_status'")
                .hasMessageContaining("'E41', which Cafe24 does not document");
    }

    @Test
    void aRefusedClaimWithoutTheStatusBeforeItIsMalformed() throws IOException {
        ObjectNode order = recorded("order-partly-cancelled.json");
        ((ObjectNode) order.get("items").get(2)).putNull("order_status_before_cs");

        assertThatThrownBy(() -> Cafe24Mapper.order(7, order, SOURCE))
                .hasMessageContaining("field 'order_status_before_cs'").hasMessageContaining("refused claim R11");
    }

    @Test
    void everyDocumentedStatusCodeHasAMeaning() {
        for (String code : ("N00 N02 N10 N20 N21 N22 N30 N40 N50 C00 C10 C34 C35 C36 C40 C41 C42 C43 C47 C48 C49 "
                + "R00 R10 R12 R13 R20 R30 R31 R34 R36 R40 R41 R42 R43 E00 E10 N01 N03 E12 E13 E20 E30 E31 E32 E33 "
                + "E34 E35 E36 E40").split(" ")) {
            assertThat(Cafe24StatusCodes.meaning(code)).as(code).isNotNull();
        }
        assertThat(Cafe24StatusCodes.isRefusedClaim("C11")).isTrue();
        assertThat(Cafe24StatusCodes.meaning("E41")).isNull();
    }

    @Test
    void aProductsStatusComesFromItsSwitchesAndSoldOutFlag() throws IOException {
        JsonNode product = JsonMapper.builder().build().readTree("""
                {"product_no": 20, "product_code": "P000000T", "custom_product_code": "MB-00020", "product_name": "셔츠",
                 "brand_code": "B000000A", "price": "19000.00", "retail_price": "23000.00", "display": "T", "selling": "T",
                 "sold_out": "T", "created_date": "2026-01-02T10:00:00+09:00", "updated_date": "2026-03-04T11:00:00+09:00"}""");

        var mapped = Cafe24Mapper.product(7, product, SOURCE);
        assertThat(mapped.status()).isEqualTo(ProductStatus.SOLD_OUT);
        assertThat(mapped.brand()).isEqualTo("B000000A");
        assertThat(mapped.retailPrice()).isEqualTo(Money.of(23_000));
        assertThat(Cafe24Mapper.product(7, ((ObjectNode) product).put("selling", "F"), SOURCE).status())
                .isEqualTo(ProductStatus.SUSPENDED);
    }
}
