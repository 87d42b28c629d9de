package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Order;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.HandedOut;
import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.readers.api.JsonFields;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders of a business date, from Naver's change feed ({@code GET
 * /v1/pay-order/seller/product-orders/last-changed-statuses}): every product order that changed from the start of
 * {@code from} to the end of the business date, in windows of at most 24 hours, 300 changes a page, paged on with the
 * feed's own {@code more.moreFrom} and {@code more.moreSequence} (changes at the same instant are ordered by it, so
 * ties never repeat or vanish across pages). Each changed order is read whole: all its product orders ({@code GET
 * /v1/pay-order/seller/orders/{orderId}/product-order-ids}), their details 300 at a time ({@code POST
 * /v1/pay-order/seller/product-orders/query}). The page token is {@code window|moreFrom|moreSequence}; the orders
 * handed out live in the ExecutionContext, so a restart mid-window neither loses nor repeats one.
 */
final class SmartStoreOrderReader extends PageCursorReader<SmartStoreOrderReader.Changed, Order> {

    /** An order that changed on a page, with its product orders when it was read whole (not handed out before). */
    record Changed(String orderId, List<JsonNode> productOrders, String source) {
    }

    static final String CHANGES = "/v1/pay-order/seller/product-orders/last-changed-statuses";
    static final String QUERY = "/v1/pay-order/seller/product-orders/query";
    private static final DateTimeFormatter FEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final int PAGE = 300;
    private static final String HANDED_OUT = "handedOut";

    private final ApiClient changes;
    private final ApiClient orderIds;
    private final ApiClient details;
    private final long accountId;
    private final OffsetDateTime start;
    private final OffsetDateTime end;
    private final Duration window;
    private final HandedOut handedOut = new HandedOut();

    SmartStoreOrderReader(ApiClient changes, ApiClient orderIds, ApiClient details, long accountId, LocalDate from,
                          LocalDate businessDate, Duration window) {
        super("smartstore.orders");
        this.changes = changes;
        this.orderIds = orderIds;
        this.details = details;
        this.accountId = accountId;
        this.start = from.atStartOfDay(JsonFields.SEOUL).toOffsetDateTime();
        this.end = businessDate.plusDays(1).atStartOfDay(JsonFields.SEOUL).toOffsetDateTime().minusNanos(1_000_000);
        this.window = window;
    }

    @Override
    protected String firstToken() {
        return token(0, "", "");
    }

    @Override
    protected Page<Changed> fetch(String token) {
        String[] parts = token.split("\\|", -1);
        int index = Integer.parseInt(parts[0]);
        OffsetDateTime windowStart = start.plus(window.multipliedBy(index));
        OffsetDateTime windowEnd = min(windowStart.plus(window).minusNanos(1_000_000), end);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("lastChangedFrom", parts[1].isEmpty() ? FEED_TIME.format(windowStart) : parts[1]);
        query.put("lastChangedTo", FEED_TIME.format(windowEnd));
        query.put("limitCount", String.valueOf(PAGE));
        if (!parts[2].isEmpty()) {
            query.put("moreSequence", parts[2]);
        }
        ApiClient.Reply reply = changes.get(CHANGES, query);
        JsonNode data = reply.body().path("data"); // an empty window answers without data
        Set<String> changed = new LinkedHashSet<>();
        data.path("lastChangeStatuses").forEach(change -> changed.add(change.path("orderId").asString()));
        Map<String, List<JsonNode>> whole = readWhole(changed.stream().filter(id -> !handedOut.contains(id)).toList());
        List<Changed> page = new ArrayList<>();
        for (String orderId : changed) {
            page.add(new Changed(orderId, whole.get(orderId), reply.url()));
        }
        JsonNode more = data.path("more");
        String next = more.isObject() ? token(index, more.path("moreFrom").asString(), more.path("moreSequence").asString())
                : windowEnd.isBefore(end) ? token(index + 1, "", "") : null;
        return new Page<>(page, reply.url(), next);
    }

    /** Every product order of each order, by order id. */
    private Map<String, List<JsonNode>> readWhole(List<String> orders) {
        List<String> productOrderIds = new ArrayList<>();
        for (String orderId : orders) {
            orderIds.get("/v1/pay-order/seller/orders/" + orderId + "/product-order-ids", Map.of()).body().path("data")
                    .forEach(id -> productOrderIds.add(id.asString()));
        }
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        for (int from = 0; from < productOrderIds.size(); from += PAGE) {
            Map<String, Object> body = Map.of("productOrderIds",
                    productOrderIds.subList(from, Math.min(productOrderIds.size(), from + PAGE)), "quantityClaimCompatibility", true);
            details.post(QUERY, Map.of(), body).body().path("data").forEach(info -> byOrder
                    .computeIfAbsent(info.path("order").path("orderId").asString(), id -> new ArrayList<>()).add(info));
        }
        return byOrder;
    }

    @Override
    protected Order map(Changed changed, String source) {
        if (!handedOut.add(changed.orderId())) {
            return null;
        }
        if (changed.productOrders() == null || changed.productOrders().isEmpty()) {
            throw new MallApiException("SmartStore listed order " + changed.orderId() + " as changed in " + source
                    + " but returned none of its product orders; run again, and if it repeats, report the order to Naver");
        }
        return SmartStoreMapper.order(accountId, changed.orderId(), changed.productOrders(), source);
    }

    private static String token(int window, String moreFrom, String moreSequence) {
        return window + "|" + moreFrom + "|" + moreSequence;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        handedOut.open(context, getExecutionContextKey(HANDED_OUT));
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        handedOut.update(context, getExecutionContextKey(HANDED_OUT));
    }

    /**
     * Product orders handed out may change again before a restart and leave the page, sliding unread ones under any
     * stored position: a restart reads its page from the start, and {@code handedOut} skips what was read.
     */
    @Override
    protected boolean resumesInsidePage() {
        return false;
    }
}
