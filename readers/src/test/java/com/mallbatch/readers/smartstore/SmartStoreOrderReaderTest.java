package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed read through the reader over real HTTP: one day in which some 900 product orders changed, with long
 * runs of equal {@code lastChangedDate}s (the seller's dispatch batches, the nightly purchase decisions) across every
 * 300-change page boundary, read whole and after a kill mid-window.
 */
class SmartStoreOrderReaderTest {

    static final String SELLER = "smartstore01";
    static final LocalDate DAY = SmartStoreSandbox.TODAY;
    static final String CHANGES_API = "GET /v1/pay-order/seller/product-orders/last-changed-statuses";
    static final String ORDER_IDS_API = "GET /v1/pay-order/seller/orders/{orderId}/product-order-ids";

    /** A product order as the reader should hand it out: its order, status and what was paid for it. */
    record Row(String productOrderId, String orderId, String status, int quantity, Money paid) {
    }

    static SmartStoreSandbox sandbox;
    /** Every product order of every order with a change on DAY, as the sandbox keeps them. */
    static Set<Row> truth;
    /** The feed's pages for DAY, asked directly: each a list of changes. */
    static List<List<JsonNode>> pages;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SmartStoreSandbox.start(SmartStoreSandbox.config().withSmartStoreSellers(1)
                .withSize(60, 4, 250, 14).withSmartStoreRate(1_000));
        List<Map<String, Object>> all = sandbox.truthProductOrders(SELLER);
        Set<String> changedOrders = sandbox.ordersChangedOn(SELLER, DAY);
        truth = all.stream().filter(po -> changedOrders.contains((String) po.get("orderId")))
                .map(po -> new Row((String) po.get("productOrderId"), (String) po.get("orderId"),
                        (String) po.get("productOrderStatus"), ((Number) po.get("quantity")).intValue(),
                        Money.of(((Number) po.get("totalPaymentAmount")).longValue())))
                .collect(Collectors.toSet());
        pages = feedPages();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The feed walked page by page with more.moreFrom / more.moreSequence, as the docs say. */
    private static List<List<JsonNode>> feedPages() throws Exception {
        List<List<JsonNode>> walked = new ArrayList<>();
        String from = DAY + "T00:00:00.000+09:00";
        String sequence = null;
        while (true) {
            JsonNode data = sandbox.changes(SELLER, from, DAY + "T23:59:59.999+09:00", sequence);
            List<JsonNode> page = new ArrayList<>();
            data.path("lastChangeStatuses").forEach(page::add);
            walked.add(page);
            if (!data.path("more").isObject()) {
                return walked;
            }
            from = data.path("more").path("moreFrom").asString();
            sequence = data.path("more").path("moreSequence").asString();
        }
    }

    @Test
    void theDayIsLargeAndItsPagesSplitRunsOfEqualTimestamps() {
        assertThat(pages).as("900 changes: three pages").hasSize(3);
        assertThat(pages.get(0)).hasSize(300);
        assertThat(pages.get(1)).hasSize(300);
        for (int boundary = 1; boundary < pages.size(); boundary++) {
            JsonNode lastBefore = last(pages.get(boundary - 1));
            JsonNode firstAfter = pages.get(boundary).get(0);
            assertThat(firstAfter.path("lastChangedDate").asString()).as("a tie across page boundary %d", boundary)
                    .isEqualTo(lastBefore.path("lastChangedDate").asString());
        }
        String tie = last(pages.get(0)).path("lastChangedDate").asString();
        assertThat(pages.get(1).subList(0, 40)).as("the restarts below commit and die inside the run (40 changes: at "
                + "least 14 orders)").allSatisfy(c -> assertThat(c.path("lastChangedDate").asString()).isEqualTo(tie));
        assertThat(pages.get(1).get(0).path("orderId").asString())
                .as("an order whose product orders changed together is split by the first page boundary")
                .isEqualTo(last(pages.get(0)).path("orderId").asString());
        Set<String> fed = pages.stream().flatMap(List::stream).map(c -> c.path("productOrderId").asString())
                .collect(Collectors.toSet());
        assertThat(fed).as("the feed lists each change once").hasSize(pages.stream().mapToInt(List::size).sum());
        assertThat(truth.stream().map(Row::productOrderId)).as("the truth holds every product order fed")
                .containsAll(fed);
    }

    @Test
    void everyProductOrderOfTheDayIsReadOnceAndNoneIsLost() throws Exception {
        List<Order> orders = SmartStoreSandbox.readAll(reader(), new ExecutionContext());

        assertThat(orders).extracting(Order::orderId).doesNotHaveDuplicates();
        List<Row> rows = rows(orders);
        assertThat(rows).doesNotHaveDuplicates().hasSize(truth.size());
        assertThat(Set.copyOf(rows)).isEqualTo(truth);
    }

    /**
     * Killed after the chunk committed at {@code offset} orders from the end of the first page (its last order is
     * also the first change of the second, at the tie): the restarted reader refetches only from the page it was in
     * and hands out exactly the orders the killed one had not committed.
     */
    @ParameterizedTest(name = "committed {0} orders from the first page boundary")
    @ValueSource(ints = {-1, 0, 5})
    void aRestartAfterAKillMidWindowNeitherLosesNorRepeatsAnOrder(int offset) throws Exception {
        int committedAt = distinctOrders(pages.get(0)) + offset;
        ExecutionContext context = new ExecutionContext();
        ItemStreamReader<Order> killed = reader();
        killed.open(context);
        List<Order> committed = SmartStoreSandbox.read(killed, committedAt);
        killed.update(context); // the chunk commits
        ExecutionContext saved = new ExecutionContext(context);
        assertThat(SmartStoreSandbox.read(killed, 7)).as("read, never committed, lost with the process").hasSize(7);

        Map<String, Long> before = sandbox.seller(SELLER).callsByApi();
        ItemStreamReader<Order> restarted = reader();
        List<Order> rest = SmartStoreSandbox.readAll(restarted, saved);
        Map<String, Long> after = sandbox.seller(SELLER).callsByApi();

        assertThat(committed).hasSize(committedAt);
        List<Order> union = new ArrayList<>(committed);
        union.addAll(rest);
        assertThat(union).extracting(Order::orderId).doesNotHaveDuplicates();
        List<Row> rows = rows(union);
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(Set.copyOf(rows)).isEqualTo(truth);
        int resumedPage = offset < 0 ? 0 : 1;
        assertThat(after.get(CHANGES_API) - before.get(CHANGES_API)).as("pages fetched after the restart")
                .isEqualTo(pages.size() - resumedPage);
        assertThat(after.get(ORDER_IDS_API) - before.get(ORDER_IDS_API)).as("orders read whole after the restart")
                .isEqualTo(rest.size());
    }

    private ItemStreamReader<Order> reader() {
        return sandbox.extractors(SmartStoreSandbox.settings()).orders(sandbox.account(SELLER), DAY, DAY);
    }

    private static JsonNode last(List<JsonNode> page) {
        return page.get(page.size() - 1);
    }

    private static int distinctOrders(List<JsonNode> page) {
        Set<String> ids = new LinkedHashSet<>();
        page.forEach(change -> ids.add(change.path("orderId").asString()));
        return ids.size();
    }

    private static List<Row> rows(List<Order> orders) {
        List<Row> rows = new ArrayList<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                rows.add(new Row(line.lineId(), line.orderId(), line.platformStatus(), line.quantity(),
                        line.paymentAmount()));
            }
        }
        return rows;
    }
}
