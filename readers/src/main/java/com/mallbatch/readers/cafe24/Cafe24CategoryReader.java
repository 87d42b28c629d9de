package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.domain.Category;
import com.mallbatch.readers.PageCursorReader;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A mall's categories, paged by offset (a mall has few). The page token is the offset. */
final class Cafe24CategoryReader extends PageCursorReader<JsonNode, Category> {

    private static final int PAGE_SIZE = 100;

    private final ApiClient client;
    private final long accountId;

    Cafe24CategoryReader(ApiClient client, long accountId) {
        super("cafe24.categories");
        this.client = client;
        this.accountId = accountId;
    }

    @Override
    protected String firstToken() {
        return "0";
    }

    @Override
    protected Page<JsonNode> fetch(String offset) {
        ApiClient.Reply reply = client.get("/api/v2/admin/categories",
                Map.of("limit", String.valueOf(PAGE_SIZE), "offset", offset));
        List<JsonNode> categories = new ArrayList<>();
        reply.body().path("categories").forEach(categories::add);
        String next = categories.size() < reply.pageSize() ? null
                : String.valueOf(Integer.parseInt(offset) + categories.size());
        return new Page<>(categories, reply.url(), next);
    }

    @Override
    protected Category map(JsonNode category, String source) {
        return Cafe24Mapper.category(accountId, category, source);
    }
}
