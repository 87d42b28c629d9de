package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Category;
import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The categories the seller's products sit in. Naver's categories are one tree for all of SmartStore; what matters
 * to a seller is the part their products use, which each product reports as its whole category path — so that part
 * is read from the product search, each category once.
 */
final class SmartStoreCategoryReader extends PageCursorReader<Category, Category> {

    private final SmartStoreProductPages pages;
    private final long accountId;
    private final Set<String> seen = new HashSet<>();

    SmartStoreCategoryReader(ApiClient client, long accountId) {
        super("smartstore.categories");
        this.pages = new SmartStoreProductPages(client, 500);
        this.accountId = accountId;
    }

    @Override
    protected String firstToken() {
        return SmartStoreProductPages.FIRST;
    }

    @Override
    protected Page<Category> fetch(String token) {
        Page<JsonNode> products = pages.fetch(token);
        List<Category> categories = new ArrayList<>();
        for (JsonNode content : products.records()) {
            categories.addAll(SmartStoreMapper.categories(accountId, content));
        }
        return new Page<>(categories, products.source(), products.nextToken());
    }

    @Override
    protected Category map(Category category, String source) {
        return seen.add(category.categoryNo()) ? category : null;
    }
}
