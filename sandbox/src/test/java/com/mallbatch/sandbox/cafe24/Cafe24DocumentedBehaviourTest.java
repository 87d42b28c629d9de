package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's Cafe24 malls against the public Admin API docs, over real HTTP: products list vs detail, products
 * by category, item lifecycles with claims and their dates, date_type searches, the scenario knobs, and OAuth.
 * sandbox01 is only read; sandbox02 gets a return and sandbox03 a moved clock.
 */
class Cafe24DocumentedBehaviourTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SandboxServer sandbox;
    private static final Map<String, String> accessTokens = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(3).withToday(TODAY).withSize(60, 3, 12, 40)
                .withRate(1000, 1000), 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theProductListCarriesNoCategoryButTheDetailDoes() throws Exception {
        JsonNode list = get("sandbox01", "/api/v2/admin/products?limit=100").body();
        assertThat(list.path("products")).hasSize(60)
                .allSatisfy(p -> assertThat(p.has("category")).as("list product %s", p.path("product_no")).isFalse());

        long productNo = list.path("products").get(0).path("product_no").asLong();
        JsonNode detail = get("sandbox01", "/api/v2/admin/products/" + productNo).body().path("product");
        assertThat(detail.path("category")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("category_no").isInt()).isTrue();
            assertThat(c.path("recommend").asString()).isEqualTo("F");
            assertThat(c.path("new").asString()).isEqualTo("F");
        });
    }

    @Test
    void productsByCategoryRequireADisplayGroupAndListTheCategorysMembers() throws Exception {
        JsonNode truth = truth("sandbox01");
        JsonNode sub = stream(truth.path("category_products"))
                .filter(c -> c.path("category_no").asInt() >= 50 && !c.path("product_nos").isEmpty()).findFirst().orElseThrow();
        String path = "/api/v2/admin/categories/" + sub.path("category_no").asInt() + "/products";

        Answer missing = get("sandbox01", path);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("error").path("code").asInt()).isEqualTo(422);
        assertThat(get("sandbox01", path + "?display_group=4").status()).isEqualTo(422);
        assertThat(get("sandbox01", path + "/count").status()).isEqualTo(422);

        JsonNode products = get("sandbox01", path + "?display_group=1").body().path("products");
        assertThat(stream(products).map(p -> p.path("product_no").asLong()).toList())
                .isEqualTo(stream(sub.path("product_nos")).map(JsonNode::asLong).toList());
        JsonNode first = products.get(0);
        assertThat(first.path("sequence_no").asInt()).isEqualTo(1);
        assertThat(first.path("auto_sort").isBoolean()).isTrue();
        assertThat(first.path("sold_out").isBoolean()).isTrue();
        assertThat(first.path("not_for_sale").isBoolean()).isTrue();
        assertThat(get("sandbox01", path + "/count?display_group=1").body().path("count").asInt()).isEqualTo(products.size());
        assertThat(get("sandbox01", path + "?display_group=1&limit=1").body().path("products")).hasSize(1);
        assertThat(get("sandbox01", path + "?display_group=2").body().path("products")).isEmpty();

        // a product shown in a sub category also sits in that sub category's top category
        long member = sub.path("product_nos").get(0).asLong();
        JsonNode categories = get("sandbox01", "/api/v2/admin/products/" + member).body().path("product").path("category");
        assertThat(stream(categories).map(c -> c.path("category_no").asInt()).toList())
                .contains(sub.path("category_no").asInt()).anyMatch(no -> no < 50);

        Answer unknown = get("sandbox01", "/api/v2/admin/categories/999/products?display_group=1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("message").asString()).contains("999");
    }

    @Test
    void aPartlyCancelledOrderIsCanceledMWithMixedItemStatuses() throws Exception {
        JsonNode expected = stream(truth("sandbox01").path("orders"))
                .filter(o -> o.path("canceled").asString().equals("M")).findFirst().orElseThrow();
        String day = OffsetDateTime.parse(expected.path("order_date").asString()).toLocalDate().toString();

        JsonNode order = findOrder(get("sandbox01", "/api/v2/admin/orders?embed=items&limit=1000&start_date=" + day
                + "&end_date=" + day), expected.path("order_id").asString());

        assertThat(order.path("canceled").asString()).isEqualTo("M");
        assertThat(order.path("cancel_date").isNull()).isTrue();
        List<String> statuses = stream(order.path("items")).map(i -> i.path("order_status").asString()).toList();
        assertThat(statuses).anyMatch(s -> s.startsWith("C4")).anyMatch(s -> !s.startsWith("C4"));
        JsonNode cancelled = stream(order.path("items"))
                .filter(i -> i.path("order_status").asString().startsWith("C4")).findFirst().orElseThrow();
        assertThat(cancelled.path("status_code").asString()).isEqualTo("C2");
        assertThat(cancelled.path("claim_code").asString()).matches("C\\d{8}-\\d{7}");
        assertThat(cancelled.path("cancel_date").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(new BigDecimal(order.path("actual_order_amount").path("order_price_amount").asString()))
                .isLessThan(new BigDecimal(order.path("initial_order_amount").path("order_price_amount").asString()));
    }

    @Test
    void returnRequestDateFindsAnOrderPlacedWeeksBeforeTheReturn() throws Exception {
        JsonNode late = null;
        String requested = null;
        for (JsonNode o : truth("sandbox01").path("orders")) {
            LocalDate ordered = OffsetDateTime.parse(o.path("order_date").asString()).toLocalDate();
            for (JsonNode i : o.path("items")) {
                String at = i.path("return_request_date").asString(null);
                if (at != null && ChronoUnit.DAYS.between(ordered, LocalDate.parse(at.substring(0, 10))) >= 14) {
                    late = o;
                    requested = at.substring(0, 10);
                }
            }
        }
        assertThat(late).as("an order returned two weeks or more after it was placed").isNotNull();
        String orderId = late.path("order_id").asString();
        String window = "&start_date=" + requested + "&end_date=" + requested;

        assertThat(orderIds(get("sandbox01", "/api/v2/admin/orders?limit=1000&date_type=return_request_date" + window)))
                .contains(orderId);
        assertThat(orderIds(get("sandbox01", "/api/v2/admin/orders?limit=1000" + window))).doesNotContain(orderId);
        assertThat(get("sandbox01", "/api/v2/admin/orders/count?date_type=return_request_date" + window)
                .body().path("count").asInt()).isPositive();
    }

    @Test
    void aReturnAddedByTheScenarioIsFoundByItsDatesAndShowsInTheGroundTruth() throws Exception {
        LocalDateTime requestedAt = TODAY.minusDays(2).atTime(10, 0);
        LocalDateTime refundedAt = TODAY.minusDays(1).atTime(15, 30);
        JsonNode delivered = null;
        for (JsonNode o : truth("sandbox02").path("orders")) {
            for (JsonNode i : o.path("items")) {
                if (delivered == null && i.path("order_status").asString().equals("N40")
                        && OffsetDateTime.parse(o.path("order_date").asString()).toLocalDate().isBefore(TODAY.minusDays(20))) {
                    delivered = i;
                }
            }
        }
        assertThat(delivered).isNotNull();
        String code = delivered.path("order_item_code").asString();
        String orderId = code.substring(0, code.lastIndexOf('-'));
        Cafe24Mall mall = sandbox.cafe24().mall("sandbox02");

        mall.returnItem(code, requestedAt, refundedAt);

        String day = requestedAt.toLocalDate().toString();
        JsonNode order = findOrder(get("sandbox02", "/api/v2/admin/orders?embed=items&limit=1000"
                + "&date_type=return_request_date&start_date=" + day + "T00:00:00%2B09:00&end_date=" + day + "T23:59:59%2B09:00"), orderId);
        JsonNode item = stream(order.path("items")).filter(i -> i.path("order_item_code").asString().equals(code))
                .findFirst().orElseThrow();
        assertThat(item.path("order_status").asString()).isEqualTo("R40");
        assertThat(item.path("order_status_before_cs").asString()).isEqualTo("N40");
        assertThat(item.path("status_code").asString()).isEqualTo("C3");
        assertThat(item.path("claim_code").asString()).startsWith("R" + day.replace("-", "") + "-");
        assertThat(item.path("return_request_date").asString()).isEqualTo(day + " 10:00:00");
        assertThat(item.path("return_confirmed_date").asString()).isEqualTo(day + " 11:00:00");
        assertThat(item.path("refund_date").asString()).isEqualTo(refundedAt.toLocalDate() + " 15:30:00");
        String refundDay = refundedAt.toLocalDate().toString();
        assertThat(orderIds(get("sandbox02", "/api/v2/admin/orders?limit=1000&date_type=return_complete_date&start_date="
                + refundDay + "&end_date=" + refundDay))).contains(orderId);

        JsonNode truthItem = stream(truth("sandbox02").path("orders")).flatMap(o -> stream(o.path("items")))
                .filter(i -> i.path("order_item_code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(truthItem.path("order_status").asString()).isEqualTo("R40");
        assertThatThrownBy(() -> mall.returnItem(code, requestedAt.plusDays(1), null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movingTheClockRevealsWhatTheTimelinesHoldAndNeverGoesBack() throws Exception {
        Cafe24Mall mall = sandbox.cafe24().mall("sandbox03");
        LocalDate later = TODAY.plusDays(14);
        String window = "&date_type=purchaseconfirmation_date&start_date=" + TODAY.plusDays(1) + "&end_date=" + later;
        assertThat(get("sandbox03", "/api/v2/admin/orders/count?" + window).body().path("count").asInt()).isZero();

        mall.advanceClock(later);

        assertThat(get("sandbox03", "/api/v2/admin/orders/count?" + window).body().path("count").asInt()).isPositive();
        assertThat(truth("sandbox03").path("now").asString()).isEqualTo(later + "T23:59:59+09:00");
        assertThatThrownBy(() -> mall.advanceClock(TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemPaymentAmountIsNullWhereDiscountAutoCalculationIsOff() throws Exception {
        String query = "/api/v2/admin/orders?embed=items&limit=50&start_date=" + TODAY.minusDays(5) + "&end_date=" + TODAY;
        assertThat(stream(get("sandbox03", query).body().path("orders")).flatMap(o -> stream(o.path("items"))))
                .isNotEmpty().allSatisfy(i -> assertThat(i.path("payment_amount").isNull()).isTrue());
        assertThat(stream(get("sandbox01", query).body().path("orders")).flatMap(o -> stream(o.path("items"))))
                .isNotEmpty().allSatisfy(i -> assertThat(i.path("payment_amount").asString()).matches("\\d+\\.\\d{2}"));
    }

    @Test
    void everyDocumentedDateTypeIsAcceptedAndAnUnknownOneIs422() throws Exception {
        String window = "&start_date=" + TODAY.minusDays(30) + "&end_date=" + TODAY;
        for (OrderDateType type : OrderDateType.values()) {
            assertThat(get("sandbox01", "/api/v2/admin/orders/count?date_type=" + type.parameter() + window).status())
                    .as(type.parameter()).isEqualTo(200);
        }
        Answer refund = get("sandbox01", "/api/v2/admin/orders?date_type=refund_date" + window);
        assertThat(refund.status()).isEqualTo(422);
        assertThat(refund.body().path("error").path("message").asString()).contains("date_type");
    }

    @Test
    void aWrongClientSecretIsInvalidClientAndSpendsNoRefreshToken() throws Exception {
        Cafe24Mall mall = sandbox.cafe24().mall("sandbox01");
        String before = mall.currentRefreshToken();

        Answer answer = token("sandbox01", mall.clientId(), "not-the-secret", before);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asString()).isEqualTo("invalid_client");
        assertThat(answer.body().path("error_description").asString()).isEqualTo("Invalid client_secret");
        assertThat(mall.currentRefreshToken()).isEqualTo(before);
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer get(String mallId, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mallId) + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken(mallId)).GET().build();
        return send(request);
    }

    private static synchronized String accessToken(String mallId) throws Exception {
        if (!accessTokens.containsKey(mallId)) {
            Cafe24Mall mall = sandbox.cafe24().mall(mallId);
            Answer answer = token(mallId, mall.clientId(), mall.clientSecret(), mall.currentRefreshToken());
            assertThat(answer.status()).isEqualTo(200);
            accessTokens.put(mallId, answer.body().path("access_token").asString());
        }
        return accessTokens.get(mallId);
    }

    private static Answer token(String mallId, String clientId, String clientSecret, String refreshToken) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mallId) + "/api/v2/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken))
                .build();
        return send(request);
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static JsonNode truth(String mallId) {
        return JSON.valueToTree(sandbox.cafe24().mall(mallId).groundTruth());
    }

    private static JsonNode findOrder(Answer answer, String orderId) {
        assertThat(answer.status()).isEqualTo(200);
        return stream(answer.body().path("orders")).filter(o -> o.path("order_id").asString().equals(orderId))
                .findFirst().orElseThrow(() -> new AssertionError(orderId + " is not in " + orderIds(answer)));
    }

    private static List<String> orderIds(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.body().path("orders").forEach(o -> ids.add(o.path("order_id").asString()));
        return ids;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
