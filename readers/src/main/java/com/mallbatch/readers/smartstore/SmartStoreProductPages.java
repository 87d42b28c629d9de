package com.mallbatch.readers.smartstore;

import com.mallbatch.readers.PageCursorReader.Page;
import com.mallbatch.readers.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of {@code POST /v1/products/search}, in origin-product order ({@code orderType NO}) so that a restart finds
 * the same page again; the page number is the token (Naver counts from 1).
 */
final class SmartStoreProductPages {

    static final String FIRST = "1";
    static final String SEARCH = "/v1/products/search";

    private final ApiClient client;
    private final int size;

    SmartStoreProductPages(ApiClient client, int size) {
        this.client = client;
        this.size = size;
    }

    Page<JsonNode> fetch(String token) {
        int page = Integer.parseInt(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("orderType", "NO");
        ApiClient.Reply reply = client.post(SEARCH, Map.of(), body);
        List<JsonNode> contents = new ArrayList<>();
        reply.body().path("contents").forEach(contents::add);
        int totalPages = reply.body().path("totalPages").asInt(0);
        return new Page<>(contents, reply.url() + " page " + page, page < totalPages ? String.valueOf(page + 1) : null);
    }
}
