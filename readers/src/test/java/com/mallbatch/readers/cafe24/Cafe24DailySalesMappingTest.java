package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Money;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily sales report's answer mapped to a day's totals, on a recorded payload; and its setting. */
class Cafe24DailySalesMappingTest {

    static final String SOURCE = "https://acmeshop.cafe24api.com/api/v2/admin/financials/dailysales?start_date=2026-11-20&end_date=2026-11-20";
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void theDaysCountIsSalesCountAndItsAmountIsPaymentLessRefundOfShopOne() throws IOException {
        DailyTotals totals = Cafe24Mapper.dailySales(7, DAY, Cafe24MapperTest.recorded("dailysales.json"), SOURCE);

        assertThat(totals).isEqualTo(new DailyTotals(7, DAY, "CAFE24_DAILYSALES", 37, Money.of(1_210_600)));
    }

    @Test
    void entriesSplittingADayAreSummedAndAShopNoOfOneAsTextCounts() throws IOException {
        ObjectNode body = Cafe24MapperTest.recorded("dailysales.json");
        ArrayNode days = (ArrayNode) body.path("dailysales");
        ObjectNode second = days.addObject();
        second.put("shop_no", "1");
        second.put("date", "2026-11-20");
        second.put("payment_amount", "10000.00");
        second.put("refund_amount", "2500.00");
        second.put("sales_count", 1);

        DailyTotals totals = Cafe24Mapper.dailySales(7, DAY, body, SOURCE);

        assertThat(totals.orderCount()).isEqualTo(38);
        assertThat(totals.amount()).isEqualTo(Money.of(1_218_100));
    }

    @Test
    void aDayTheAnswerLeavesOutIsNoFigureAtAll() throws IOException {
        assertThat(Cafe24Mapper.dailySales(7, DAY.plusDays(1), Cafe24MapperTest.recorded("dailysales.json"), SOURCE)).isNull();
        assertThat(Cafe24Mapper.dailySales(7, DAY, JsonMapper.builder().build().readTree("{\"dailysales\": []}"), SOURCE)).isNull();
    }

    @Test
    void anUnreadableFieldIsNamedWithItsDay() throws IOException {
        ObjectNode body = Cafe24MapperTest.recorded("dailysales.json");
        ((ObjectNode) body.path("dailysales").get(1)).put("payment_amount", "1,268,400원");

        assertThatThrownBy(() -> Cafe24Mapper.dailySales(7, DAY, body, SOURCE))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("payment_amount").hasMessageContaining("2026-11-20").hasMessageContaining("1,268,400원");
        ((ObjectNode) body.path("dailysales").get(1)).remove("payment_amount");
        assertThatThrownBy(() -> Cafe24Mapper.dailySales(7, DAY, body, SOURCE))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("payment_amount");
        assertThatThrownBy(() -> Cafe24Mapper.dailySales(7, DAY, JsonMapper.builder().build().readTree("{\"sales\": []}"), SOURCE))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("dailysales");
    }

    @Test
    void theReportIsReadyAtSixUnlessConfiguredOtherwise() {
        assertThat(Cafe24Settings.defaults().reportReadyAt()).isEqualTo(LocalTime.of(6, 0));
        assertThat(bind(Map.of()).reportReadyAt()).isEqualTo(LocalTime.of(6, 0));
        assertThat(bind(Map.of("mallbatch.cafe24.report-ready-at", "07:30")).reportReadyAt()).isEqualTo(LocalTime.of(7, 30));
    }

    private static Cafe24Settings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("mallbatch.cafe24", Cafe24Settings.class);
    }
}
