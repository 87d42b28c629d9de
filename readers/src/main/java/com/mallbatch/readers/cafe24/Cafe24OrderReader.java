package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.Order;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.PageCursorReader;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders with their items, one day window at a time (Cafe24 allows 3 months per query and an offset up to 15000;
 * a day keeps both far away). The page token is {@code day@offset}.
 */
final class Cafe24OrderReader extends PageCursorReader<JsonNode, Order> {

    private static final int PAGE_SIZE = 1000;
    private static final int MAX_OFFSET = 15000;

    private final Cafe24Client client;
    private final long accountId;
    private final LocalDate from;
    private final LocalDate to;

    Cafe24OrderReader(Cafe24Client client, long accountId, LocalDate from, LocalDate to) {
        super("cafe24.orders");
        this.client = client;
        this.accountId = accountId;
        this.from = from;
        this.to = to;
    }

    @Override
    protected String firstToken() {
        return from + "@0";
    }

    @Override
    protected Page<JsonNode> fetch(String token) {
        LocalDate day = LocalDate.parse(token.substring(0, token.indexOf('@')));
        int offset = Integer.parseInt(token.substring(token.indexOf('@') + 1));
        if (offset > MAX_OFFSET) {
            throw new MallApiException("More than " + MAX_OFFSET + " orders on " + day + " in one Cafe24 mall: "
                    + "the API cannot page that far within a day window");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start_date", day.toString());
        query.put("end_date", day.toString());
        query.put("date_type", "order_date");
        query.put("embed", "items");
        query.put("limit", String.valueOf(PAGE_SIZE));
        query.put("offset", String.valueOf(offset));
        Cafe24Client.Reply reply = client.get("/api/v2/admin/orders", query);
        List<JsonNode> orders = new ArrayList<>();
        reply.body().path("orders").forEach(orders::add);
        String next = orders.size() == reply.limit() ? day + "@" + (offset + orders.size())
                : day.isBefore(to) ? day.plusDays(1) + "@0" : null;
        return new Page<>(orders, reply.url(), next);
    }

    @Override
    protected Order map(JsonNode order, String source) {
        return Cafe24Mapper.order(accountId, order, source);
    }
}
