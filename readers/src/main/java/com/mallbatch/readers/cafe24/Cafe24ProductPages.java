package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.readers.PageCursorReader.Page;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages through products in product_no order with {@code since_product_no} (keyset paging): no offset ceiling
 * (Cafe24 stops at offset 5000), and a restart asks for exactly the page it was reading. The page token is the
 * product_no the page starts after.
 */
final class Cafe24ProductPages {

    static final String FIRST = "0";
    private static final int PAGE_SIZE = 100;

    private final ApiClient client;
    private final String embed;

    Cafe24ProductPages(ApiClient client, String embed) {
        this.client = client;
        this.embed = embed;
    }

    Page<JsonNode> fetch(String sinceProductNo) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("since_product_no", sinceProductNo);
        query.put("limit", String.valueOf(PAGE_SIZE));
        if (embed != null) {
            query.put("embed", embed);
        }
        ApiClient.Reply reply = client.get("/api/v2/admin/products", query);
        List<JsonNode> products = new ArrayList<>();
        reply.body().path("products").forEach(products::add);
        String next = products.size() < reply.pageSize() ? null
                : products.get(products.size() - 1).path("product_no").asString();
        return new Page<>(products, reply.url(), next);
    }
}
