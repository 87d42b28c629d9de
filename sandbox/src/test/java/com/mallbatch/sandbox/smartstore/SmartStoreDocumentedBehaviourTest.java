package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.smartstore.SmartStoreCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.mallbatch.sandbox.smartstore.SmartStoreCalls.list;
import static com.mallbatch.sandbox.smartstore.SmartStoreCalls.seoul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's SmartStore sellers against the public Commerce API docs, over real HTTP: last-changed-statuses with
 * its 24-hour window and its paging through equal timestamps, the product-order query, products with options and
 * stock, daily settlement, the ground truth they all agree with, and the knobs. smartstore01 is only read;
 * smartstore02 gets a return and a moved clock.
 */
class SmartStoreDocumentedBehaviourTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int DAYS = 20;
    private static final String CHANGES = "/external/v1/pay-order/seller/product-orders/last-changed-statuses";
    private static final String QUERY = "/external/v1/pay-order/seller/product-orders/query";

    private static SandboxServer sandbox;
    private static SmartStoreCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(0).withSellerCenters(0, 0, 10).withLineSellerCenters(0)
                .withSize(80, 4, 250, DAYS).withToday(TODAY).withSmartStoreSellers(2).withSmartStoreRate(100_000), 0);
        calls = new SmartStoreCalls(sandbox);
    }

    @AfterEach
    void clear() {
        sandbox.smartStore().clearFaults();
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    // ------------------------------------------------------------------ last-changed-statuses

    @Test
    void pagingThroughEqualTimestampsWithMoreSequenceReturnsEveryChangeExactlyOnce() throws Exception {
        List<JsonNode> truth = list(calls.truth("smartstore01").path("productOrders"));
        // the largest run of equal lastChangedDates: a dispatch or automatic-decision batch
        Map<String, List<JsonNode>> byDate = truth.stream().collect(Collectors.groupingBy(
                po -> po.path("lastChangedDate").asString(), TreeMap::new, Collectors.toList()));
        Map.Entry<String, List<JsonNode>> tie = byDate.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<JsonNode>> e) -> e.getValue().size())).orElseThrow();
        assertThat(tie.getValue()).as("a batch of changes at %s", tie.getKey()).hasSizeGreaterThan(20);

        LocalDateTime at = seoul(tie.getKey());
        LocalDateTime from = at.minusHours(3);
        LocalDateTime to = at.plusHours(3);
        List<String> expected = truth.stream()
                .filter(po -> !seoul(po.path("lastChangedDate").asString()).isBefore(from)
                        && !seoul(po.path("lastChangedDate").asString()).isAfter(to))
                .sorted(Comparator.comparing((JsonNode po) -> seoul(po.path("lastChangedDate").asString()))
                        .thenComparing(po -> po.path("productOrderId").asString()))
                .map(po -> po.path("productOrderId").asString()).toList();
        long before = expected.stream().map(id -> find(truth, id)).filter(po -> seoul(po.path("lastChangedDate").asString()).isBefore(at)).count();
        int limit = (int) before + 3; // the first page ends three changes into the batch
        assertThat(limit).isLessThan(300);

        Answer first = calls.changes("smartstore01", from, to, limit, null);
        JsonNode more = first.body().path("data").path("more");
        assertThat(first.body().path("data").path("count").asInt()).isEqualTo(limit);
        assertThat(seoul(more.path("moreFrom").asString())).as("the next page starts inside the batch").isEqualTo(at);
        assertThat(more.path("moreSequence").asString()).isEqualTo(expected.get(limit));

        // moreFrom alone would serve the batch's first changes again: moreSequence is what tells them apart
        Answer withoutSequence = calls.changes("smartstore01", at, to, limit, null);
        assertThat(withoutSequence.body().path("data").path("lastChangeStatuses").get(0).path("productOrderId").asString())
                .isEqualTo(expected.get((int) before));

        List<String> paged = calls.allChanges("smartstore01", from, to, limit).stream()
                .map(c -> c.path("productOrderId").asString()).toList();
        assertThat(paged).as("every change once, by date then product order id").containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);

        List<String> smallPages = calls.allChanges("smartstore01", from, to, 7).stream()
                .map(c -> c.path("productOrderId").asString()).toList();
        assertThat(smallPages).containsExactlyElementsOf(expected);
    }

    @Test
    void aDayWithMoreThan300ChangesComesIn300sAndAnAboveLimitCountMeans300() throws Exception {
        LocalDateTime from = TODAY.minusDays(5).atStartOfDay();
        LocalDateTime to = from.plusDays(1).minusNanos(1_000_000);
        Answer page = calls.changes("smartstore01", from, to, 1000, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("data").path("count").asInt()).isEqualTo(300);
        assertThat(page.body().path("data").path("lastChangeStatuses")).hasSize(300);
        assertThat(page.body().path("data").has("more")).isTrue();
        assertThat(calls.changes("smartstore01", from, to, null, null).body().path("data").path("count").asInt()).isEqualTo(300);
        assertThat(calls.allChanges("smartstore01", from, to, null)).hasSizeGreaterThan(300);
    }

    @Test
    void aWindowLongerThan24HoursIsRefusedWith104139() throws Exception {
        LocalDateTime from = TODAY.minusDays(3).atStartOfDay();
        Answer tooLong = calls.changes("smartstore01", from, from.plusDays(1).plusNanos(1_000_000), null, null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("code").asString()).isEqualTo("104139");
        assertThat(tooLong.body().path("message").asString()).contains("조회 가능한 날짜 범위를 초과");
        assertThat(tooLong.body().path("traceId").asString()).isNotBlank();
        assertThat(tooLong.body().path("timestamp").asString()).isNotBlank();

        assertThat(calls.changes("smartstore01", from, from.plusDays(1), null, null).status()).as("exactly 24 h").isEqualTo(200);
        Answer open = calls.changes("smartstore01", from, null, null, null);
        assertThat(open.status()).as("lastChangedTo omitted: from + 24 h").isEqualTo(200);
        assertThat(list(open.body().path("data").path("lastChangeStatuses")))
                .allSatisfy(c -> assertThat(seoul(c.path("lastChangedDate").asString())).isBetween(from, from.plusDays(1)));

        Answer missing = calls.get("smartstore01", CHANGES);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("code").asString()).isEqualTo("4000");
        // an unencoded '+' reads as a space, which is no offset
        Answer plus = calls.get("smartstore01", CHANGES + "?lastChangedFrom=2026-11-18T00:00:00.000+09:00");
        assertThat(plus.status()).isEqualTo(400);
    }

    @Test
    void aWindowWithoutChangesAnswersNoData() throws Exception {
        Answer empty = calls.changes("smartstore01", TODAY.plusDays(30).atStartOfDay(), null, null, null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().has("data")).isFalse();
        assertThat(empty.body().path("timestamp").asString()).isNotBlank();
        assertThat(empty.body().path("traceId").asString()).isNotBlank();
    }

    // ------------------------------------------------------------------ ground truth

    @Test
    void everyProductOrderOfTheGroundTruthIsReachedOnceThroughChangesAndMatchesTheQuery() throws Exception {
        JsonNode truth = calls.truth("smartstore01");
        Map<String, JsonNode> expected = list(truth.path("productOrders")).stream()
                .collect(Collectors.toMap(po -> po.path("productOrderId").asString(), Function.identity()));

        // 24-hour windows from the first order to now; To is inclusive, so each window ends a millisecond early
        List<JsonNode> changes = new ArrayList<>();
        LocalDateTime now = seoul(truth.path("now").asString());
        for (LocalDateTime from = TODAY.minusDays(DAYS).atStartOfDay(); !from.isAfter(now); from = from.plusDays(1)) {
            changes.addAll(calls.allChanges("smartstore01", from, from.plusDays(1).minusNanos(1_000_000), null));
        }
        assertThat(changes.stream().map(c -> c.path("productOrderId").asString()).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (JsonNode change : changes) {
            JsonNode po = expected.get(change.path("productOrderId").asString());
            assertThat(change.path("lastChangedType").asString()).isEqualTo(po.path("lastChangedType").asString());
            assertThat(change.path("lastChangedDate").asString()).isEqualTo(po.path("lastChangedDate").asString());
            assertThat(change.path("productOrderStatus").asString()).isEqualTo(po.path("productOrderStatus").asString());
            assertThat(change.path("orderId").asString()).isEqualTo(po.path("orderId").asString());
        }

        List<String> ids = new ArrayList<>(expected.keySet());
        int queried = 0;
        for (int i = 0; i < ids.size(); i += 300) {
            Answer answer = calls.post("smartstore01", QUERY, Map.of("productOrderIds", ids.subList(i, Math.min(ids.size(), i + 300)),
                    "quantityClaimCompatibility", true));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("traceId").asString()).isNotBlank();
            for (JsonNode info : answer.body().path("data")) {
                queried++;
                JsonNode p = info.path("productOrder");
                JsonNode po = expected.get(p.path("productOrderId").asString());
                for (String field : List.of("productOrderStatus", "claimType", "claimStatus", "claimId", "placeOrderStatus",
                        "decisionDate", "originalProductId", "productId", "optionCode", "productOption", "sellerProductCode",
                        "optionManageCode", "inflowPath")) {
                    assertThat(p.path(field).isMissingNode() ? null : p.path(field).asString()).as("%s of %s", field, po)
                            .isEqualTo(po.path(field).isNull() ? null : po.path(field).asString());
                }
                for (String amount : List.of("quantity", "unitPrice", "optionPrice", "totalProductAmount", "productDiscountAmount",
                        "totalPaymentAmount", "deliveryFeeAmount", "paymentCommission", "saleCommission", "channelCommission",
                        "knowledgeShoppingSellingInterlockCommission", "expectedSettlementAmount")) {
                    assertThat(p.path(amount).asLong()).as("%s of %s", amount, po).isEqualTo(po.path(amount).asLong());
                }
                assertThat(p.path("totalPaymentAmount").asLong()).isEqualTo(p.path("totalProductAmount").asLong()
                        - p.path("productDiscountAmount").asLong());
                assertThat(info.path("order").path("orderId").asString()).isEqualTo(po.path("orderId").asString());
                assertThat(info.path("order").path("orderDate").asString()).isEqualTo(po.path("orderDate").asString());
            }
        }
        assertThat(queried).isEqualTo(expected.size());

        // an order's generalPaymentAmount is what its product orders cost after discounts, with delivery fees
        Map<String, Long> paid = new HashMap<>();
        expected.values().forEach(po -> paid.merge(po.path("orderId").asString(),
                po.path("totalPaymentAmount").asLong() + po.path("deliveryFeeAmount").asLong(), Long::sum));
        for (JsonNode order : truth.path("orders")) {
            assertThat(order.path("generalPaymentAmount").asLong()).isEqualTo(paid.get(order.path("orderId").asString()));
        }
    }

    @Test
    void theLifecyclesCoverPaymentDeliveryDecisionsPartialCancelsReturnsAndExchanges() throws Exception {
        List<JsonNode> pos = list(calls.truth("smartstore01").path("productOrders"));
        Set<String> statuses = pos.stream().map(po -> po.path("productOrderStatus").asString()).collect(Collectors.toSet());
        assertThat(statuses).contains("PAYMENT_WAITING", "PAYED", "DELIVERING", "DELIVERED", "PURCHASE_DECIDED", "CANCELED",
                "RETURNED", "EXCHANGED");
        Set<String> claimStatuses = pos.stream().map(po -> po.path("claimStatus").asString(null))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        assertThat(claimStatuses).contains("CANCEL_DONE", "RETURN_REQUEST", "RETURN_DONE", "EXCHANGE_DONE");

        // partial cancel: one product order of an order cancelled, another not
        Map<String, List<JsonNode>> byOrder = pos.stream().collect(Collectors.groupingBy(po -> po.path("orderId").asString()));
        assertThat(byOrder.values()).anyMatch(o -> o.stream().anyMatch(po -> po.path("productOrderStatus").asString().equals("CANCELED"))
                && o.stream().anyMatch(po -> !po.path("productOrderStatus").asString().equals("CANCELED")));

        // delivery completion is no reported change: a DELIVERED product order's last change is its dispatch
        assertThat(pos).filteredOn(po -> po.path("productOrderStatus").asString().equals("DELIVERED") && po.path("claimType").isNull())
                .isNotEmpty().allSatisfy(po -> assertThat(po.path("lastChangedType").asString()).isEqualTo("DISPATCHED"));

        // a returned product order carries its return claim, current and completed
        JsonNode returned = pos.stream().filter(po -> po.path("productOrderStatus").asString().equals("RETURNED")).findFirst().orElseThrow();
        JsonNode info = calls.post("smartstore01", QUERY, Map.of("productOrderIds", List.of(returned.path("productOrderId").asString())))
                .body().path("data").get(0);
        assertThat(info.path("productOrder").path("claimType").asString()).isEqualTo("RETURN");
        assertThat(info.path("return").path("claimId").asString()).isEqualTo(returned.path("claimId").asString());
        assertThat(info.path("currentClaim").path("return").path("claimStatus").asString()).isEqualTo("RETURN_DONE");
        assertThat(info.path("completedClaims").get(0).path("claimType").asString()).isEqualTo("RETURN");
        assertThat(info.path("delivery").path("sendDate").asString()).isEqualTo(returned.path("sendDate").asString());
        assertThat(info.path("productOrder").path("remainQuantity").asInt()).isZero();

        // equal timestamps: a product order's siblings are paid at the very same millisecond
        assertThat(byOrder.values()).anyMatch(o -> o.size() > 1
                && o.stream().map(po -> po.path("paymentDate").asString()).distinct().count() == 1);
    }

    @Test
    void unknownIdsAreLeftOutAndMoreThan300AreRefused() throws Exception {
        String known = calls.truth("smartstore01").path("productOrders").get(0).path("productOrderId").asString();
        Answer answer = calls.post("smartstore01", QUERY, Map.of("productOrderIds", List.of(known, "2099010100000001")));
        assertThat(answer.body().path("data")).hasSize(1);

        List<String> tooMany = IntStream.range(0, 301).mapToObj(i -> String.valueOf(2026010100000000L + i)).toList();
        Answer refused = calls.post("smartstore01", QUERY, Map.of("productOrderIds", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asString()).isEqualTo("4000");
        assertThat(calls.post("smartstore01", QUERY, Map.of("productOrderIds", List.of())).status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ products

    @Test
    void productsSearchedPageByPageAndReadInDetailMatchTheGroundTruth() throws Exception {
        Map<Long, JsonNode> expected = new LinkedHashMap<>();
        calls.truth("smartstore01").path("products").forEach(p -> expected.put(p.path("originProductNo").asLong(), p));

        List<JsonNode> contents = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = calls.post("smartstore01", "/external/v1/products/search", Map.of("page", page, "size", 30)).body();
            assertThat(body.path("page").asInt()).isEqualTo(page);
            assertThat(body.path("totalElements").asInt()).isEqualTo(expected.size());
            assertThat(body.path("first").asBoolean()).isEqualTo(page == 1);
            contents.addAll(list(body.path("contents")));
            if (body.path("last").asBoolean()) {
                assertThat(body.path("totalPages").asInt()).isEqualTo(page);
                break;
            }
        }
        assertThat(contents.stream().map(c -> c.path("originProductNo").asLong()).toList())
                .containsExactlyInAnyOrderElementsOf(expected.keySet());

        boolean sawUnmanaged = false;
        for (JsonNode content : contents) {
            JsonNode truth = expected.get(content.path("originProductNo").asLong());
            JsonNode channel = content.path("channelProducts").get(0);
            assertThat(channel.path("channelProductNo").asLong()).isEqualTo(truth.path("channelProductNo").asLong());
            assertThat(channel.path("statusType").asString()).isEqualTo(truth.path("statusType").asString());
            assertThat(channel.path("stockQuantity").asInt()).isEqualTo(truth.path("stockQuantity").asInt());
            assertThat(channel.path("discountedPrice").asLong()).isEqualTo(truth.path("discountedPrice").asLong());

            Answer detail = calls.get("smartstore01", "/external/v2/products/origin-products/" + content.path("originProductNo").asLong());
            assertThat(detail.status()).isEqualTo(200);
            JsonNode origin = detail.body().path("originProduct");
            assertThat(detail.body().has("originProductNo")).as("not echoed").isFalse();
            assertThat(origin.path("statusType").asString()).isEqualTo(truth.path("statusType").asString());
            assertThat(origin.path("salePrice").asLong()).isEqualTo(truth.path("salePrice").asLong());
            assertThat(origin.path("detailAttribute").path("sellerCodeInfo").path("sellerManagementCode").asString(null))
                    .isEqualTo(truth.path("sellerManagementCode").asString(null));
            JsonNode optionInfo = origin.path("detailAttribute").path("optionInfo");
            List<JsonNode> options = list(truth.path("options"));
            if (options.isEmpty()) {
                assertThat(optionInfo.isMissingNode()).isTrue();
                continue;
            }
            assertThat(optionInfo.path("useStockManagement").asBoolean()).isEqualTo(truth.path("useStockManagement").asBoolean());
            List<JsonNode> combinations = list(optionInfo.path("optionCombinations"));
            assertThat(combinations).hasSameSizeAs(options);
            for (int i = 0; i < options.size(); i++) {
                JsonNode o = options.get(i);
                JsonNode c = combinations.get(i);
                assertThat(c.path("id").asLong()).isEqualTo(o.path("id").asLong());
                assertThat(c.path("optionName1").asString()).isEqualTo(o.path("optionName1").asString());
                assertThat(c.path("stockQuantity").asInt()).isEqualTo(o.path("stockQuantity").asInt());
                assertThat(c.path("price").asLong()).isEqualTo(o.path("price").asLong());
                assertThat(c.path("sellerManagerCode").asString(null)).isEqualTo(o.path("sellerManagerCode").asString(null));
                assertThat(c.path("usable").asBoolean()).isEqualTo(o.path("usable").asBoolean());
            }
            if (!truth.path("useStockManagement").asBoolean()) {
                sawUnmanaged = true;
                assertThat(combinations).allSatisfy(c -> assertThat(c.path("stockQuantity").asInt()).isEqualTo(9_999));
            }
        }
        assertThat(sawUnmanaged).as("a product without option stock management").isTrue();
        assertThat(expected.values()).extracting(p -> p.path("statusType").asString()).contains("SALE", "SUSPENSION");
    }

    @Test
    void productSearchFiltersAndRefusesPagesLargerThan500() throws Exception {
        JsonNode truth = calls.truth("smartstore01");
        JsonNode product = truth.path("products").get(3);
        JsonNode byNo = calls.post("smartstore01", "/external/v1/products/search", Map.of("searchKeywordType", "PRODUCT_NO",
                "originProductNos", List.of(product.path("originProductNo").asLong()))).body();
        assertThat(byNo.path("contents")).hasSize(1);
        long onSale = list(truth.path("products")).stream().filter(p -> p.path("statusType").asString().equals("SALE")).count();
        assertThat(calls.post("smartstore01", "/external/v1/products/search", Map.of("productStatusTypes", List.of("SALE"),
                "size", 500)).body().path("totalElements").asLong()).isEqualTo(onSale);

        Answer tooBig = calls.post("smartstore01", "/external/v1/products/search", Map.of("page", 1, "size", 501));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().path("invalidInputs").get(0).path("name").asString()).isEqualTo("size");
        assertThat(calls.post("smartstore01", "/external/v1/products/search", Map.of("page", 0)).status()).isEqualTo(400);
        Answer missing = calls.get("smartstore01", "/external/v2/products/origin-products/1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("code").asString()).isEqualTo("NOT_FOUND");
    }

    // ------------------------------------------------------------------ settlement

    @Test
    void dailySettlementRowsEqualTheGroundTruthAndTheDecidedProductOrders() throws Exception {
        JsonNode truth = calls.truth("smartstore01");
        List<JsonNode> expected = list(truth.path("settlements"));
        assertThat(expected).hasSizeGreaterThan(3);

        LocalDate start = TODAY.minusDays(DAYS);
        List<JsonNode> served = new ArrayList<>();
        for (int page = 1; ; page++) {
            Answer answer = calls.get("smartstore01", "/external/v1/pay-settle/settle/daily?startDate=" + start
                    + "&endDate=" + start.plusDays(31) + "&pageNumber=" + page + "&pageSize=3");
            assertThat(answer.status()).isEqualTo(200);
            served.addAll(list(answer.body().path("elements")));
            JsonNode pagination = answer.body().path("pagination");
            assertThat(pagination.path("totalElements").asInt()).isEqualTo(expected.size());
            if (page >= pagination.path("totalPages").asInt()) {
                break;
            }
        }
        assertThat(served).containsExactlyElementsOf(expected);

        // each row is the sum of the product orders decided on its basis day
        Map<String, List<JsonNode>> byDay = list(truth.path("productOrders")).stream()
                .filter(po -> !po.path("settleBasisDate").isNull())
                .collect(Collectors.groupingBy(po -> po.path("settleBasisDate").asString()));
        assertThat(byDay.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream()
                .map(r -> r.path("settleBasisStartDate").asString()).toList());
        for (JsonNode row : expected) {
            List<JsonNode> pos = byDay.get(row.path("settleBasisStartDate").asString());
            assertThat(pos).allSatisfy(po -> assertThat(po.path("productOrderStatus").asString()).isEqualTo("PURCHASE_DECIDED"));
            long pay = pos.stream().mapToLong(po -> po.path("totalPaymentAmount").asLong() + po.path("deliveryFeeAmount").asLong()).sum();
            long commissions = pos.stream().mapToLong(po -> po.path("paymentCommission").asLong() + po.path("saleCommission").asLong()
                    + po.path("channelCommission").asLong() + po.path("knowledgeShoppingSellingInterlockCommission").asLong()).sum();
            assertThat(row.path("paySettleAmount").asLong()).isEqualTo(pay);
            assertThat(row.path("commissionSettleAmount").asLong()).isEqualTo(-commissions);
            assertThat(row.path("settleAmount").asLong()).isEqualTo(pay - commissions)
                    .isEqualTo(pos.stream().mapToLong(po -> po.path("expectedSettlementAmount").asLong()).sum());
            LocalDate basis = LocalDate.parse(row.path("settleBasisStartDate").asString());
            LocalDate expect = LocalDate.parse(row.path("settleExpectDate").asString());
            assertThat(expect).isAfter(basis);
            assertThat(expect.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void settlementParametersAreRequiredAndBounded() throws Exception {
        String base = "/external/v1/pay-settle/settle/daily?";
        Answer missing = calls.get("smartstore01", base + "endDate=2026-11-21&pageNumber=1&pageSize=10");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(missing.body().path("invalidInputs").get(0).path("name").asString()).isEqualTo("startDate");
        assertThat(missing.body().path("traceId").asString()).isNotBlank();
        assertThat(calls.get("smartstore01", base + "startDate=2026-11-01&endDate=2026-11-21&pageNumber=1&pageSize=1001")
                .status()).isEqualTo(400);
        assertThat(calls.get("smartstore01", base + "startDate=2026-10-01&endDate=2026-11-02&pageNumber=1&pageSize=10")
                .status()).as("33 days").isEqualTo(400);
        assertThat(calls.get("smartstore01", base + "startDate=2026-10-01&endDate=2026-11-01&pageNumber=1&pageSize=1000")
                .status()).as("32 days").isEqualTo(200);
        assertThat(calls.get("smartstore01", base + "startDate=2026-11-01&endDate=2026-11-21&pageNumber=0&pageSize=10")
                .status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ knobs

    @Test
    void aReturnAndAMovedClockShowUpAsChangesAndInTheGroundTruth() throws Exception {
        SmartStoreSeller seller = sandbox.smartStore().seller("smartstore02");
        LocalDateTime now = seller.now();
        JsonNode target = list(calls.truth("smartstore02").path("productOrders")).stream()
                .filter(po -> po.path("productOrderStatus").asString().equals("DELIVERED") && po.path("claimType").isNull()
                        && seoul(po.path("sendDate").asString()).isBefore(now.minusHours(3)))
                .findFirst().orElseThrow();
        String id = target.path("productOrderId").asString();
        LocalDateTime requestedAt = now.minusHours(2).withNano(0);
        LocalDateTime completedAt = now.plusDays(2).withNano(0);

        seller.returnProductOrder(id, requestedAt, completedAt);
        assertThatThrownBy(() -> seller.returnProductOrder(id, requestedAt, null)).isInstanceOf(IllegalStateException.class);

        JsonNode requested = truthOf("smartstore02", id);
        assertThat(requested.path("productOrderStatus").asString()).isEqualTo("DELIVERED");
        assertThat(requested.path("claimType").asString()).isEqualTo("RETURN");
        assertThat(requested.path("claimStatus").asString()).isEqualTo("RETURN_REQUEST");
        assertThat(requested.path("lastChangedType").asString()).isEqualTo("CLAIM_REQUESTED");
        List<JsonNode> window = calls.allChanges("smartstore02", requestedAt.minusHours(1), requestedAt.plusHours(1), null);
        assertThat(window).anySatisfy(c -> {
            assertThat(c.path("productOrderId").asString()).isEqualTo(id);
            assertThat(c.path("claimType").asString()).isEqualTo("RETURN");
        });

        seller.advanceClock(TODAY.plusDays(3));
        JsonNode done = truthOf("smartstore02", id);
        assertThat(done.path("productOrderStatus").asString()).isEqualTo("RETURNED");
        assertThat(done.path("claimStatus").asString()).isEqualTo("RETURN_DONE");
        assertThat(done.path("lastChangedType").asString()).isEqualTo("CLAIM_COMPLETED");
        assertThat(seoul(done.path("lastChangedDate").asString())).isEqualTo(completedAt);
        assertThat(calls.allChanges("smartstore02", completedAt.minusHours(1), completedAt.plusHours(1), null))
                .anySatisfy(c -> assertThat(c.path("productOrderId").asString()).isEqualTo(id));
        assertThat(calls.truth("smartstore02").path("today").asString()).isEqualTo(TODAY.plusDays(3).toString());
        assertThatThrownBy(() -> seller.advanceClock(TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls.truth("smartstore01").path("today").asString()).as("each seller its own clock").isEqualTo(TODAY.toString());
    }

    @Test
    void injectedGatewayErrorsCarryTheirStatusCodeAndHeaders() throws Exception {
        SmartStoreSeller seller = sandbox.smartStore().seller("smartstore01");
        String settle = "/external/v1/pay-settle/settle/daily?startDate=2026-11-01&endDate=2026-11-21&pageNumber=1&pageSize=10";

        seller.failNext(GatewayError.TIMEOUT_01, 2);
        Answer timeout = calls.get("smartstore01", settle);
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.body().path("code").asString()).isEqualTo("GW.TIMEOUT.01");
        assertThat(timeout.body().path("message").asString()).isEqualTo("요청 대기 시간이 초과되었습니다.");
        assertThat(timeout.header("GNCP-GW-RateLimit-Remaining")).isNotNull();
        assertThat(calls.get("smartstore01", settle).status()).isEqualTo(504);
        assertThat(calls.get("smartstore01", settle).status()).isEqualTo(200);

        seller.quotaExceeded(true);
        Answer quota = calls.get("smartstore01", settle);
        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.body().path("code").asString()).isEqualTo("GW.QUOTA_LIMIT");
        assertThat(quota.header("GNCP-GW-Quota-Period")).isEqualTo("SECONDS");
        assertThat(quota.header("GNCP-GW-Quota-Remaining")).isEqualTo("0");
        assertThat(quota.header("GNCP-GW-Quota-Limit")).isNotNull();
        assertThat(calls.get("smartstore02", settle).status()).as("the quota is per seller").isEqualTo(200);
        seller.quotaExceeded(false);

        sandbox.faults().bursts429(1.0, 2);
        Answer burst = calls.get("smartstore01", settle);
        assertThat(burst.status()).isEqualTo(429);
        assertThat(burst.body().path("code").asString()).isEqualTo("GW.RATE_LIMIT");
        assertThat(burst.header("GNCP-GW-RateLimit-Remaining")).isEqualTo("0");
        sandbox.faults().clear();

        sandbox.faults().outage("/smartstore/smartstore01/external/v1/pay-settle");
        Answer outage = calls.get("smartstore01", settle);
        assertThat(outage.status()).isEqualTo(500);
        assertThat(outage.body().path("code").asString()).isEqualTo("GW.INTERNAL_SERVER_ERROR");
        assertThat(calls.get("smartstore02", settle).status()).isEqualTo(200);
        sandbox.faults().clear();

        // the same knobs over HTTP, for a sandbox in another process
        var control = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                        + "/_sandbox/smartstore/smartstore01/faults")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"failNextCode\":\"GW.BLOCK.02\",\"failNextTimes\":1}"))
                .build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(control, java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        Answer maintenance = calls.get("smartstore01", settle);
        assertThat(maintenance.status()).isEqualTo(503);
        assertThat(maintenance.body().path("code").asString()).isEqualTo("GW.BLOCK.02");
        assertThat(calls.get("smartstore01", settle).status()).isEqualTo(200);
    }

    private static JsonNode truthOf(String sellerId, String productOrderId) throws Exception {
        return find(list(calls.truth(sellerId).path("productOrders")), productOrderId);
    }

    private static JsonNode find(List<JsonNode> productOrders, String productOrderId) {
        return productOrders.stream().filter(po -> po.path("productOrderId").asString().equals(productOrderId))
                .findFirst().orElseThrow();
    }
}
