package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.domain.Product;
import com.mallbatch.readers.PageCursorReader;
import tools.jackson.databind.JsonNode;

/** A mall's products. */
final class Cafe24ProductReader extends PageCursorReader<JsonNode, Product> {

    private final Cafe24ProductPages pages;
    private final long accountId;

    Cafe24ProductReader(ApiClient client, long accountId) {
        super("cafe24.products");
        this.pages = new Cafe24ProductPages(client, null);
        this.accountId = accountId;
    }

    @Override
    protected String firstToken() {
        return Cafe24ProductPages.FIRST;
    }

    @Override
    protected Page<JsonNode> fetch(String token) {
        return pages.fetch(token);
    }

    @Override
    protected Product map(JsonNode product, String source) {
        return Cafe24Mapper.product(accountId, product, source);
    }
}
