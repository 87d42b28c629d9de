package com.mallbatch.readers.smartstore;

import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.util.function.BiFunction;

/**
 * One record per origin product of the product search, 500 a page: the product itself, or the leaf category it sits
 * in (a SmartStore product has exactly one). The mapper answers null for a product that gives no record.
 */
final class SmartStoreSearchReader<T> extends PageCursorReader<JsonNode, T> {

    private final SmartStoreProductPages pages;
    private final BiFunction<JsonNode, String, T> mapper;

    SmartStoreSearchReader(String name, ApiClient client, BiFunction<JsonNode, String, T> mapper) {
        super(name);
        this.pages = new SmartStoreProductPages(client, 500);
        this.mapper = mapper;
    }

    @Override
    protected String firstToken() {
        return SmartStoreProductPages.FIRST;
    }

    @Override
    protected Page<JsonNode> fetch(String token) {
        return pages.fetch(token);
    }

    @Override
    protected T map(JsonNode content, String source) {
        return mapper.apply(content, source);
    }
}
