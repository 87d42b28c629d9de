package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.DailySettlement;
import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Naver's daily settlements ({@code GET /v1/pay-settle/settle/daily}) expected in a date range, 1000 a page (pages
 * count from 1); every parameter is required by the API.
 */
final class SmartStoreSettlementReader extends PageCursorReader<JsonNode, DailySettlement> {

    static final String DAILY = "/v1/pay-settle/settle/daily";
    private static final int PAGE_SIZE = 1000;

    private final ApiClient client;
    private final long accountId;
    private final LocalDate from;
    private final LocalDate to;

    SmartStoreSettlementReader(ApiClient client, long accountId, LocalDate from, LocalDate to) {
        super("smartstore.settlements");
        this.client = client;
        this.accountId = accountId;
        this.from = from;
        this.to = to;
    }

    @Override
    protected String firstToken() {
        return "1";
    }

    @Override
    protected Page<JsonNode> fetch(String token) {
        int page = Integer.parseInt(token);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startDate", from.toString());
        query.put("endDate", to.toString());
        query.put("pageNumber", token);
        query.put("pageSize", String.valueOf(PAGE_SIZE));
        ApiClient.Reply reply = client.get(DAILY, query);
        List<JsonNode> rows = new ArrayList<>();
        reply.body().path("elements").forEach(rows::add);
        int totalPages = reply.body().path("pagination").path("totalPages").asInt(0);
        return new Page<>(rows, reply.url(), page < totalPages ? String.valueOf(page + 1) : null);
    }

    @Override
    protected DailySettlement map(JsonNode row, String source) {
        return SmartStoreMapper.dailySettlement(accountId, row, source);
    }
}
