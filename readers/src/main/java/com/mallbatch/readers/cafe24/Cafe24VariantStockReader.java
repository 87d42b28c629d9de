package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.PageCursorReader;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every variant with its inventory, read through products with {@code embed=variants,inventories}: one call
 * brings a hundred products' variants and stock, where per-product variant calls would spend a call each.
 */
final class Cafe24VariantStockReader extends PageCursorReader<Cafe24VariantStockReader.VariantRecord, VariantStock> {

    record VariantRecord(String productNo, JsonNode variant) {
    }

    private final Cafe24ProductPages pages;
    private final long accountId;
    private final LocalDate businessDate;

    Cafe24VariantStockReader(ApiClient client, long accountId, LocalDate businessDate) {
        super("cafe24.variants");
        this.pages = new Cafe24ProductPages(client, "variants,inventories");
        this.accountId = accountId;
        this.businessDate = businessDate;
    }

    @Override
    protected String firstToken() {
        return Cafe24ProductPages.FIRST;
    }

    @Override
    protected Page<VariantRecord> fetch(String token) {
        Page<JsonNode> products = pages.fetch(token);
        List<VariantRecord> variants = new ArrayList<>();
        for (JsonNode product : products.records()) {
            String productNo = product.path("product_no").asString();
            product.path("variants").forEach(v -> variants.add(new VariantRecord(productNo, v)));
        }
        return new Page<>(variants, products.source(), products.nextToken());
    }

    @Override
    protected VariantStock map(VariantRecord record, String source) {
        return Cafe24Mapper.variantStock(accountId, record.productNo(), record.variant(), businessDate, source);
    }
}
