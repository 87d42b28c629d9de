package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.crawl.ProductPages.VariantRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variants and their stock from each product's page, walking the product list. A list page and all its product
 * pages make one cursor page, so a restart refetches at most one list page's products. A product whose page says it
 * is gone (deleted after the list was read) is skipped with the site's own words; the rest of the page goes on.
 */
final class CrawlVariantStockReader extends CrawlReader<VariantRow, VariantStock> {

    private final ProductPages products;
    private final LocalDate businessDate;

    CrawlVariantStockReader(SiteProfile profile, CrawlSession session, long accountId, LocalDate businessDate) {
        super("crawl.variants", profile, session);
        this.products = new ProductPages(profile, session, extractor, accountId);
        this.businessDate = businessDate;
    }

    @Override
    protected String firstToken() {
        return "1";
    }

    @Override
    protected Page<VariantRow> fetch(String page) {
        ListPage list = listPage(profile.productList(), Map.of("page", page));
        List<VariantRow> variants = new ArrayList<>();
        for (RowExtractor.Row product : extractor.extract(list.rows(), profile.productFields(), "product", list.url())) {
            if (product.problem() != null) {
                continue; // recorded by the products step; without its number its variants cannot be keyed
            }
            String productNo = product.text("productNo");
            boolean selling = CrawledProducts.selling(CrawledProducts.status(product));
            try {
                variants.addAll(products.variants(productNo, selling, products.url(list.url(), product, productNo), false,
                        tally("variants")));
            } catch (RecordGoneException gone) {
                variants.add(new VariantRow(productNo, selling, 0, null, new MalformedRecordException(gone.url(),
                        "product", productNo, "page", "was not read: the site answered only alert('" + gone.alert()
                        + "') — the product was deleted after the product list was read")));
            }
        }
        return new Page<>(variants, list.url(), list.hasNext() ? String.valueOf(Integer.parseInt(page) + 1) : null);
    }

    @Override
    protected VariantStock map(VariantRow v, String source) {
        return products.map(v, businessDate);
    }
}
