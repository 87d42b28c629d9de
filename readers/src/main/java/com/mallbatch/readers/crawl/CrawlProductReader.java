package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.ProductStatus;
import com.mallbatch.domain.SourceKind;

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
        return new Page<>(extractor.extract(list.rows(), profile.productFields(), "product", list.url(), tally("products")), list.url(),
                list.hasNext() ? String.valueOf(Integer.parseInt(page) + 1) : null);
    }

    @Override
    protected Product map(RowExtractor.Row row, String source) {
        if (row.problem() != null) {
            throw row.problem();
        }
        ProductStatus status = CrawledProducts.status(row);
        return new Product(accountId, row.text("productNo"), null, row.text("sellerCode"), row.text("name"),
                row.text("brand"), (Money) row.get("price"), (Money) row.get("listPrice"), status != ProductStatus.HIDDEN,
                CrawledProducts.selling(status), status, null, null, SourceKind.CRAWL);
    }
}
