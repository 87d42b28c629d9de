package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Extent;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.ReportNotReadyException;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.cafe24.DaySales;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code salesReport} of the Cafe24 adapter against the sandbox's daily sales report over real HTTP. */
class Cafe24SalesReportTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final LocalDate DAY = TODAY.minusDays(1);
    /** Long after the sandbox's days: every day before its today is due. */
    static final Clock LATER = Clock.fixed(TODAY.plusDays(5).atTime(9, 0).atZone(SEOUL).toInstant(), SEOUL);

    SandboxServer sandbox;
    Cafe24Mall mall;
    final Cafe24ClientTest.MemoryCredentials credentials = new Cafe24ClientTest.MemoryCredentials();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(1).withSize(30, 2, 25, 5).withToday(TODAY)
                .withRate(40, 20), 0);
        mall = sandbox.cafe24().mall("sandbox01");
        credentials.stored.put(1L, new MallCredentials(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken(), null, null));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Cafe24Extractors extractors(Cafe24Settings settings, Clock clock) {
        return new Cafe24Extractors(credentials, settings.withRetries(4, Duration.ofMillis(5), Duration.ofMillis(20)),
                new SimpleMeterRegistry(), clock);
    }

    private MallAccount account() {
        return new MallAccount(1, "acme", Platform.CAFE24, "sandbox01", sandbox.cafe24BaseUrl("sandbox01"),
                new RateBudget(40, 20), null, true);
    }

    @Test
    void aCleanDayEqualsThePaidOrdersPlacedThatDayAsTheOrderReaderCollectsThem() throws Exception {
        Cafe24Extractors extractors = extractors(Cafe24Settings.defaults(), LATER);

        DailyTotals report = extractors.salesReport(account(), DAY).orElseThrow();

        // what collect stores for the day: orders placed on DAY and paid, their actual payment_amount
        List<Order> placed = readAll(extractors.orders(account(), DAY, DAY)).stream()
                .filter(o -> o.orderedAt().toLocalDate().equals(DAY) && o.paid() != Extent.NONE).toList();
        assertThat(placed).isNotEmpty();
        assertThat(report.source()).isEqualTo("CAFE24_DAILYSALES");
        assertThat(report.accountId()).isEqualTo(1);
        assertThat(report.day()).isEqualTo(DAY);
        assertThat(report.orderCount()).isEqualTo(placed.size());
        assertThat(report.amount()).isEqualTo(placed.stream().map(Order::paymentAmount).reduce(Money.ZERO, Money::plus));
        DaySales truth = mall.dailySales(DAY);
        assertThat(report.amount().amount()).isEqualByComparingTo(truth.netAmount());
    }

    @Test
    void beforeTheMorningAfterTheDayIsNotReadyAndTheMallIsNotAsked() {
        Clock early = Clock.fixed(DAY.plusDays(1).atTime(5, 59).atZone(SEOUL).toInstant(), SEOUL);
        long calls = mall.acceptedCalls();

        assertThatThrownBy(() -> extractors(Cafe24Settings.defaults(), early).salesReport(account(), DAY))
                .isInstanceOfSatisfying(ReportNotReadyException.class, e -> {
                    assertThat(e.day()).isEqualTo(DAY);
                    assertThat(e.readyAt()).isEqualTo(LocalDateTime.of(2026, 11, 21, 6, 0));
                    assertThat(e.getMessage()).contains("acme").contains("2026-11-21T06:00");
                });
        assertThat(mall.acceptedCalls()).isEqualTo(calls);

        Clock onTime = Clock.fixed(DAY.plusDays(1).atTime(6, 0).atZone(SEOUL).toInstant(), SEOUL);
        assertThat(extractors(Cafe24Settings.defaults(), onTime).salesReport(account(), DAY)).isPresent();
    }

    @Test
    void theReadyTimeIsASetting() {
        Cafe24Settings later = Cafe24Settings.defaults().withReportReadyAt(LocalTime.of(7, 30));
        Clock seven = Clock.fixed(DAY.plusDays(1).atTime(7, 0).atZone(SEOUL).toInstant(), SEOUL);

        assertThatThrownBy(() -> extractors(later, seven).salesReport(account(), DAY))
                .isInstanceOfSatisfying(ReportNotReadyException.class,
                        e -> assertThat(e.readyAt()).isEqualTo(LocalDateTime.of(2026, 11, 21, 7, 30)));
    }

    @Test
    void aDayTheMallHasNotPublishedIsNotReadyRatherThanZero() {
        // the sandbox's clock stands at the end of its today, whose figures come out the next morning
        assertThatThrownBy(() -> extractors(Cafe24Settings.defaults(), LATER).salesReport(account(), TODAY))
                .isInstanceOfSatisfying(ReportNotReadyException.class, e -> {
                    assertThat(e.readyAt()).isEqualTo(TODAY.plusDays(1).atTime(6, 0));
                    assertThat(e.getMessage()).contains("has not published").contains("acme");
                });
    }

    @Test
    void aDelayedReportIsNotReadyUntilTheMallPublishesIt() {
        mall.delayDailySales(DAY, 1);
        Cafe24Extractors extractors = extractors(Cafe24Settings.defaults(), LATER);

        assertThatThrownBy(() -> extractors.salesReport(account(), DAY)).isInstanceOf(ReportNotReadyException.class);
        assertThat(extractors.salesReport(account(), DAY)).isPresent();

        mall.delayDailySales(DAY, TODAY.plusDays(1).atTime(12, 0));
        assertThatThrownBy(() -> extractors.salesReport(account(), DAY)).isInstanceOf(ReportNotReadyException.class);
        mall.advanceClock(TODAY.plusDays(1));
        assertThat(extractors.salesReport(account(), DAY).orElseThrow().orderCount()).isEqualTo(mall.dailySales(DAY).salesCount());
    }

    @Test
    void anAdjustedDayIsReadAsTheMallStatesIt() {
        DaySales truth = mall.dailySales(DAY);
        mall.adjustDailySales(DAY, 1, new BigDecimal("-500.00"));

        DailyTotals report = extractors(Cafe24Settings.defaults(), LATER).salesReport(account(), DAY).orElseThrow();

        assertThat(report.orderCount()).isEqualTo(truth.salesCount() + 1);
        assertThat(report.amount().amount()).isEqualByComparingTo(truth.netAmount().subtract(new BigDecimal("500")));
    }

    @Test
    void aReportTheMallFailsToServeIsRetriedLikeAnyOtherCall() {
        sandbox.faults().failNext("/financials/dailysales", 2);

        assertThat(extractors(Cafe24Settings.defaults(), LATER).salesReport(account(), DAY)).isPresent();
    }

    @Test
    void aMissingScopeFailsWithOneLineNamingTheAccountAndWhatToDo() {
        mall.salesReportScope(false);

        assertThatThrownBy(() -> extractors(Cafe24Settings.defaults(), LATER).salesReport(account(), DAY))
                .isInstanceOf(MallApiException.class)
                .hasMessageContaining("acme").hasMessageContaining("HTTP 403")
                .hasMessageContaining("mall.read_salesreport").hasMessageContaining("re-authorize")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static List<Order> readAll(ItemStreamReader<Order> reader) throws Exception {
        reader.open(new ExecutionContext());
        List<Order> orders = new ArrayList<>();
        for (Order o = reader.read(); o != null; o = reader.read()) {
            orders.add(o);
        }
        reader.close();
        return orders;
    }
}
