package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily sales report (GET /api/v2/admin/financials/dailysales) against the mall's own order list, and each
 * reconciliation knob, over real HTTP.
 */
class Cafe24DailySalesAndDriftsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalDate DAY = TODAY.minusDays(1);
    private static final Set<String> NOT_YET_SHIPPED = Set.of("N10", "N20", "C00");

    private SandboxServer sandbox;
    private Cafe24Mall mall;
    private String accessToken;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(2).withSize(40, 3, 30, 6)
                .withToday(TODAY).withRate(1000, 1000), 0);
        mall = sandbox.cafe24().mall("sandbox02");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aPublishedDayStatesThePaidOrdersPlacedThatDayAsTheOrderListGivesThem() throws Exception {
        JsonNode report = get(sales(DAY, DAY));
        JsonNode day = report.path("dailysales").get(0);

        assertThat(report.path("dailysales")).hasSize(1);
        assertThat(names(day)).containsExactly("shop_no", "date", "payment_amount", "refund_amount", "sales_count");
        assertThat(day.path("date").asString()).isEqualTo(DAY.toString());
        assertThat(day.path("payment_amount").asString()).matches("\\d+\\.\\d{2}");
        // what a collector of that day's orders adds up, read through the order list itself
        List<JsonNode> paid = orders(DAY, DAY).stream().filter(o -> o.path("paid").asString().equals("T")).toList();
        BigDecimal actual = paid.stream().map(o -> new BigDecimal(o.path("actual_order_amount").path("payment_amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal initial = paid.stream().map(o -> new BigDecimal(o.path("initial_order_amount").path("payment_amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(paid).isNotEmpty();
        assertThat(day.path("sales_count").asInt()).isEqualTo(paid.size());
        assertThat(new BigDecimal(day.path("payment_amount").asString())).isEqualByComparingTo(initial);
        assertThat(new BigDecimal(day.path("payment_amount").asString())
                .subtract(new BigDecimal(day.path("refund_amount").asString()))).isEqualByComparingTo(actual);
        assertThat(orders(DAY, DAY)).as("some orders of the day were never paid, and do not count")
                .hasSizeGreaterThanOrEqualTo(paid.size());
        DaySales truth = mall.dailySales(DAY);
        assertThat(truth.salesCount()).isEqualTo(paid.size());
        assertThat(truth.netAmount()).isEqualByComparingTo(actual);
    }

    @Test
    void todayIsNotPublishedUntilTheNextMorningAndADayWithoutSalesStatesZeros() throws Exception {
        LocalDate beforeHistory = TODAY.minusDays(30);
        JsonNode report = get(sales(beforeHistory, TODAY)).path("dailysales");

        assertThat(report).hasSize(30); // every day up to yesterday; today is still open
        assertThat(report.get(0).path("date").asString()).isEqualTo(beforeHistory.toString());
        assertThat(report.get(0).path("sales_count").asInt()).isZero();
        assertThat(report.get(0).path("payment_amount").asString()).isEqualTo("0.00");
        assertThat(report.get(29).path("date").asString()).isEqualTo(DAY.toString());

        mall.advanceClock(TODAY.plusDays(1)); // past 06:00 of the next day
        assertThat(get(sales(TODAY, TODAY)).path("dailysales")).hasSize(1);
    }

    @Test
    void theReportFollowsTheDocumentedParametersAndScope() throws Exception {
        assertThat(status("/api/v2/admin/financials/dailysales?start_date=" + DAY)).isEqualTo(422);
        assertThat(status(sales(DAY, DAY.minusDays(1)))).isEqualTo(422);
        assertThat(status(sales(DAY, DAY) + "&payment_method=cash")).isEqualTo(422);
        assertThat(status("/api/v2/admin/financials/dailysales?start_date=2026/11/20&end_date=2026-11-20")).isEqualTo(422);
        JsonNode cards = get(sales(DAY, DAY) + "&payment_method=card").path("dailysales").get(0);
        assertThat(cards.path("sales_count").asInt()).isLessThanOrEqualTo(mall.dailySales(DAY).salesCount());
        assertThat(get(sales(DAY, DAY) + "&payment_gateway_name=inicis&partner_id=sampleid").path("dailysales").get(0))
                .isEqualTo(get(sales(DAY, DAY)).path("dailysales").get(0));

        mall.salesReportScope(false);
        assertThat(status(sales(DAY, DAY))).isEqualTo(403);
        assertThat(status("/api/v2/admin/orders/count?start_date=" + DAY + "&end_date=" + DAY)).isEqualTo(200);
        mall.salesReportScope(true);
        assertThat(status(sales(DAY, DAY))).isEqualTo(200);
    }

    @Test
    void aHiddenOrderLeavesTheOrderListButNotTheReport() throws Exception {
        JsonNode before = get(sales(DAY, DAY)).path("dailysales").get(0);
        int listed = get("/api/v2/admin/orders/count?start_date=" + DAY + "&end_date=" + DAY).path("count").asInt();

        String hidden = mall.hideOrderPlacedOn(DAY);

        assertThat(hidden).startsWith("20261120-");
        assertThat(get("/api/v2/admin/orders/count?start_date=" + DAY + "&end_date=" + DAY).path("count").asInt())
                .isEqualTo(listed - 1);
        assertThat(orders(DAY, DAY)).extracting(o -> o.path("order_id").asString()).doesNotContain(hidden);
        assertThat(get("/api/v2/admin/orders?start_date=" + DAY + "&end_date=" + DAY + "&date_type=pay_date&limit=1000")
                .path("orders")).extracting(o -> o.path("order_id").asString()).doesNotContain(hidden);
        assertThat(get(sales(DAY, DAY)).path("dailysales").get(0)).isEqualTo(before);
        assertThat(mall.groundTruth().get("hidden_orders")).isEqualTo(List.of(hidden));
        // the seeded choice is the same every time, and touches no stock check
        try (SandboxServer other = SandboxServer.start(sandbox.config(), 0)) {
            Cafe24Mall twin = other.cafe24().mall("sandbox02");
            assertThat(twin.hideOrderPlacedOn(DAY)).isEqualTo(hidden);
        }
        Map<String, Integer> listedNow = listedStock();
        Map<String, Integer> toShip = unitsToShip(DAY);
        assertThat(mall.masterInventory(DAY)).as("the hidden order has no unit left to ship: stock checks do not see it")
                .allSatisfy(row -> assertThat(row.quantity())
                        .isEqualTo(shelf(row, listedNow.get(row.sellerSku())) + toShip.getOrDefault(row.sellerSku(), 0)));

        mall.clearDrifts();
        assertThat(get("/api/v2/admin/orders/count?start_date=" + DAY + "&end_date=" + DAY).path("count").asInt())
                .isEqualTo(listed);
    }

    @Test
    void anAdjustedDayStatesOtherFiguresAndOnlyThatDay() throws Exception {
        JsonNode before = get(sales(DAY.minusDays(1), DAY)).path("dailysales");

        mall.adjustDailySales(DAY, -1, new BigDecimal("-12900.00"));

        JsonNode after = get(sales(DAY.minusDays(1), DAY)).path("dailysales");
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1).path("sales_count").asInt()).isEqualTo(before.get(1).path("sales_count").asInt() - 1);
        assertThat(new BigDecimal(after.get(1).path("payment_amount").asString()))
                .isEqualByComparingTo(new BigDecimal(before.get(1).path("payment_amount").asString()).subtract(new BigDecimal("12900")));
        assertThat(after.get(1).path("refund_amount")).isEqualTo(before.get(1).path("refund_amount"));
        assertThat(mall.dailySales(DAY).salesCount()).as("the truth stays").isEqualTo(before.get(1).path("sales_count").asInt());
    }

    @Test
    void aDayDelayedUntilAMomentIsLeftOutUntilTheMallsClockPassesIt() throws Exception {
        mall.delayDailySales(DAY, TODAY.plusDays(1).atTime(12, 0));

        assertThat(get(sales(DAY.minusDays(1), DAY)).path("dailysales")).extracting(d -> d.path("date").asString())
                .containsExactly(DAY.minusDays(1).toString());

        mall.advanceClock(TODAY.plusDays(1));
        assertThat(get(sales(DAY, DAY)).path("dailysales")).hasSize(1);
    }

    @Test
    void aDayDelayedForRequestsIsLeftOutThatManyTimes() throws Exception {
        mall.delayDailySales(DAY, 2);

        assertThat(get(sales(DAY, DAY)).path("dailysales")).isEmpty();
        assertThat(get(sales(DAY.minusDays(2), DAY)).path("dailysales")).hasSize(2);
        assertThat(get(sales(DAY, DAY)).path("dailysales")).hasSize(1);
    }

    @Test
    void driftedVariantsListAnotherStockWhileTheMasterInventoryKeepsTheTruth() throws Exception {
        List<MasterInventoryRow> master = mall.masterInventory(DAY);
        List<StockDrift> drifted = mall.driftListedStock(3, -2);

        assertThat(drifted).hasSize(3).allSatisfy(d -> assertThat(d.delta()).isEqualTo(-2));
        Map<String, Integer> listed = listedStock();
        for (MasterInventoryRow row : master) {
            int expected = drifted.stream().filter(d -> d.sellerSku().equals(row.sellerSku())).findFirst()
                    .map(StockDrift::listedQuantity).orElse(row.listedQuantity());
            assertThat(listed.get(row.sellerSku())).as(row.sellerSku()).isEqualTo(expected);
        }
        assertThat(mall.masterInventory(DAY)).isEqualTo(master);
        try (SandboxServer other = SandboxServer.start(sandbox.config(), 0)) {
            assertThat(other.cafe24().mall("sandbox02").driftListedStock(3, -2))
                    .as("the same seed drifts the same variants").isEqualTo(drifted);
        }

        List<StockDrift> up = mall.driftListedStock(Map.of(master.get(0).sellerSku(), 5));
        assertThat(up).extracting(StockDrift::sellerSku, StockDrift::delta)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(master.get(0).sellerSku(), 5));
        assertThat(listedStock().get(master.get(0).sellerSku())).isEqualTo(master.get(0).listedQuantity() + 5);
    }

    @Test
    void theMasterInventoryIsListedStockPlusTheUnitsStillToShip() throws Exception {
        assertThat(mall.masterInventory(DAY)).as("some variants are sold without a stock limit")
                .anySatisfy(row -> assertThat(row.tracked()).isFalse());
        Map<String, Integer> listed = listedStock();
        Map<String, Integer> toShip = unitsToShip(DAY);

        List<MasterInventoryRow> master = mall.masterInventory(DAY);

        assertThat(toShip).as("the day's late orders are not all shipped yet").isNotEmpty();
        assertThat(master).isNotEmpty().allSatisfy(row -> {
            assertThat(row.asOf()).isEqualTo(DAY);
            assertThat(row.listedQuantity()).isEqualTo(listed.get(row.sellerSku()));
            assertThat(row.quantity()).as(row.sellerSku())
                    .isEqualTo(shelf(row, listed.get(row.sellerSku())) + toShip.getOrDefault(row.sellerSku(), 0));
        });
        assertThat(master).extracting(MasterInventoryRow::sellerSku).doesNotContain("").isSorted();
        String tsv = text(sandbox.baseUrl() + "/_sandbox/cafe24/sandbox02/master-inventory?as_of=" + DAY + "&format=tsv");
        assertThat(tsv.lines().toList()).first().isEqualTo("셀러 SKU\t재고수량\t기준일");
        assertThat(tsv.lines().skip(1).toList()).hasSize(master.size())
                .first().isEqualTo(master.get(0).sellerSku() + "\t" + master.get(0).quantity() + "\t" + DAY);
    }

    @Test
    void theControlEndpointReplacesTheMallsKnobs() throws Exception {
        String body = """
                {"hideOrderPlacedOn": "%s", "dailySalesAdjustments": [{"day": "%s", "countDelta": 2, "amountDelta": 5000}],
                 "dailySalesDelays": [{"day": "%s", "requests": 1}], "stockDriftVariants": 2, "stockDriftDelta": 4,
                 "salesReportScopeRevoked": false}""".formatted(DAY, DAY, DAY.minusDays(1));
        JsonNode applied = JSON.readTree(post(sandbox.baseUrl() + "/_sandbox/cafe24/sandbox02/drifts", body));

        assertThat(applied.path("hidden_orders")).hasSize(1);
        assertThat(applied.path("listed_stock_drift")).hasSize(2);
        assertThat(applied.path("daily_sales_adjustments").get(0).path("count_delta").asInt()).isEqualTo(2);
        assertThat(get(sales(DAY.minusDays(1), DAY)).path("dailysales")).extracting(d -> d.path("date").asString())
                .containsExactly(DAY.toString());
        assertThat(get(sales(DAY, DAY)).path("dailysales").get(0).path("sales_count").asInt())
                .isEqualTo(mall.dailySales(DAY).salesCount() + 2);

        JsonNode cleared = JSON.readTree(post(sandbox.baseUrl() + "/_sandbox/cafe24/sandbox02/drifts",
                "{\"salesReportScopeRevoked\": true}"));
        assertThat(cleared.path("hidden_orders")).isEmpty();
        assertThat(cleared.path("listed_stock_drift")).isEmpty();
        assertThat(status(sales(DAY, DAY))).isEqualTo(403);
        assertThat(JSON.readTree(text(sandbox.baseUrl() + "/_sandbox/cafe24/sandbox02/master-inventory?as_of=" + DAY))
                .path("master_inventory")).hasSize(mall.masterInventory(DAY).size());
    }

    // ---- helpers ----

    private static String sales(LocalDate start, LocalDate end) {
        return "/api/v2/admin/financials/dailysales?start_date=" + start + "&end_date=" + end;
    }

    private List<JsonNode> orders(LocalDate start, LocalDate end) throws Exception {
        List<JsonNode> orders = new ArrayList<>();
        get("/api/v2/admin/orders?start_date=" + start + "&end_date=" + end + "&embed=items&limit=1000")
                .path("orders").forEach(orders::add);
        return orders;
    }

    /** Units in paid items not yet shipped nor cancelled of the listed orders placed up to {@code asOf}, by seller SKU. */
    private Map<String, Integer> unitsToShip(LocalDate asOf) throws Exception {
        Map<String, Integer> toShip = new HashMap<>();
        for (JsonNode order : orders(TODAY.minusDays(6), asOf)) {
            for (JsonNode item : order.path("items")) {
                if (NOT_YET_SHIPPED.contains(item.path("order_status").asString())) {
                    toShip.merge(item.path("custom_variant_code").asString(), item.path("quantity").asInt(), Integer::sum);
                }
            }
        }
        return toShip;
    }

    /** The stock the mall lists now, by seller SKU. */
    private Map<String, Integer> listedStock() throws Exception {
        Map<String, Integer> stock = new HashMap<>();
        for (JsonNode p : get("/api/v2/admin/products?limit=100&embed=variants,inventories").path("products")) {
            for (JsonNode v : p.path("variants")) {
                stock.put(v.path("custom_variant_code").asString(), v.path("inventories").path("quantity").asInt());
            }
        }
        return stock;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String pathAndQuery) throws Exception {
        return HTTP.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String text(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpRequest.Builder request(String pathAndQuery) throws Exception {
        return HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mall.mallId()) + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken());
    }

    private String accessToken() throws Exception {
        if (accessToken == null) {
            String basic = Base64.getEncoder().encodeToString((mall.clientId() + ":" + mall.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mall.mallId()) + "/api/v2/oauth/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + mall.currentRefreshToken()))
                    .build();
            JsonNode token = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            assertThat(token.path("scopes")).extracting(JsonNode::asString).contains("mall.read_salesreport");
            accessToken = token.path("access_token").asString();
        }
        return accessToken;
    }

    /** What the seller keeps on the shelf: the listed count, or plenty of what the mall sells without a limit. */
    private static int shelf(MasterInventoryRow row, int listed) {
        return row.tracked() ? listed : Math.max(listed, 100);
    }
}
