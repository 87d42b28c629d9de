package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.SourceKind;

import java.util.List;
import java.util.Map;

/** A seller center's product list, page by page. */
final class CrawlProductReader extends CrawlReader<RowExtractor.Row, Product> {

    private final long accountId;

    CrawlProductReader(SiteProfile profile, CrawlSession session, long accountId) {
        super("crawl.products", profile, session);
        this.accountId = accountId;
    }

    @Override
    protected String firstToken() {
        return "1";
    }

    @Override
    protected Page<RowExtractor.Row> fetch(String page) {
        ListPage list = listPage(profile.productList(), Map.of("page", page));
        return new Page<>(extractor.extract(list.rows(), profile.productFields(), "product", list.url()), list.url(),
                list.hasNext() ? String.valueOf(Integer.parseInt(page) + 1) : null);
    }

    @Override
    protected Product map(RowExtractor.Row row, String source) {
        if (row.problem() != null) {
            throw row.problem();
        }
        return new Product(accountId, row.text("productNo"), null, row.text("sellerCode"), row.text("name"),
                (Money) row.get("price"), null, true, !Boolean.FALSE.equals(row.get("selling")), List.of(), null, null,
                SourceKind.CRAWL);
    }
}
