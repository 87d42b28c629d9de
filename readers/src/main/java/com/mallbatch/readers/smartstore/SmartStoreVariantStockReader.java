package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every option combination with its stock, from each origin product's detail ({@code GET
 * /v2/products/origin-products/{no}}); pages of the product search are small here (50), since a restart fetches the
 * details of its page again.
 */
final class SmartStoreVariantStockReader extends PageCursorReader<SmartStoreVariantStockReader.Item, VariantStock> {

    /** A variant read, or why a product's variants could not be (handed to the step as a skip, in its turn). */
    record Item(VariantStock variant, MalformedRecordException problem) {
    }

    static final String ORIGIN_PRODUCT = "/v2/products/origin-products/";

    private final SmartStoreProductPages pages;
    private final ApiClient details;
    private final long accountId;
    private final LocalDate businessDate;

    SmartStoreVariantStockReader(ApiClient search, ApiClient details, long accountId, LocalDate businessDate) {
        super("smartstore.variants");
        this.pages = new SmartStoreProductPages(search, 50);
        this.details = details;
        this.accountId = accountId;
        this.businessDate = businessDate;
    }

    @Override
    protected String firstToken() {
        return SmartStoreProductPages.FIRST;
    }

    @Override
    protected Page<Item> fetch(String token) {
        Page<JsonNode> products = pages.fetch(token);
        List<Item> items = new ArrayList<>();
        for (JsonNode content : products.records()) {
            String originProductNo = content.path("originProductNo").asString();
            ApiClient.Reply detail = details.get(ORIGIN_PRODUCT + originProductNo, Map.of());
            try {
                SmartStoreMapper.variantStocks(accountId, originProductNo, detail.body(), businessDate, detail.url())
                        .forEach(variant -> items.add(new Item(variant, null)));
            } catch (MalformedRecordException e) {
                items.add(new Item(null, e));
            }
        }
        return new Page<>(items, products.source(), products.nextToken());
    }

    @Override
    protected VariantStock map(Item item, String source) {
        if (item.problem() != null) {
            throw item.problem();
        }
        return item.variant();
    }
}
