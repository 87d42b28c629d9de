package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.SourceKind;
import com.mallbatch.domain.StockLevel;
import com.mallbatch.domain.Variant;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.readers.SiteBrokenException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variants and their stock from each product's page, walking the product list. A list page and all its product
 * pages make one cursor page, so a restart refetches at most one list page's products. A product whose page says it
 * is gone (deleted after the list was read) is skipped with the site's own words; the rest of the page goes on.
 */
final class CrawlVariantStockReader extends CrawlReader<CrawlVariantStockReader.VariantRow, VariantStock> {

    /** One variant row of a product page, or, with {@code problem} set, why a product's variants could not be read. */
    record VariantRow(String productNo, boolean selling, int index, RowExtractor.Row row, MalformedRecordException problem) {
    }

    private final long accountId;
    private final LocalDate businessDate;

    CrawlVariantStockReader(SiteProfile profile, CrawlSession session, long accountId, LocalDate businessDate) {
        super("crawl.variants", profile, session);
        this.accountId = accountId;
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
            String detailUrl = detailUrl(list.url(), product, productNo);
            try {
                Doc detail = session.get(detailUrl);
                List<RowExtractor.Row> rows = extractor.extract(extractor.rows(detail, profile.variants().rows(), null, detailUrl),
                        profile.variants().fields(), "variant of product " + productNo, detailUrl);
                for (int i = 0; i < rows.size(); i++) {
                    variants.add(new VariantRow(productNo, selling, i, rows.get(i), rows.get(i).problem()));
                }
            } catch (RecordGoneException gone) {
                variants.add(new VariantRow(productNo, selling, 0, null, new MalformedRecordException(gone.url(),
                        "product", productNo, "page", "was not read: the site answered only alert('" + gone.alert()
                        + "') — the product was deleted after the product list was read")));
            }
        }
        return new Page<>(variants, list.url(), list.hasNext() ? String.valueOf(Integer.parseInt(page) + 1) : null);
    }

    private String detailUrl(String listUrl, RowExtractor.Row product, String productNo) {
        SiteProfile.Detail detail = profile.productDetail();
        if (detail.url() != null) {
            return session.url(detail.url().replace("{productNo}", productNo));
        }
        List<Doc> link = product.node().select(detail.select());
        String href = link.isEmpty() ? null : link.get(0).value(detail.attr());
        if (href == null) {
            throw new SiteBrokenException(profile.name(), listUrl,
                    "product " + productNo + " has no link to its page (selector '" + detail.select() + "')");
        }
        return CrawlSession.resolve(listUrl, href);
    }

    @Override
    protected VariantStock map(VariantRow v, String source) {
        if (v.problem() != null) {
            throw v.problem();
        }
        String sku = v.row().text("sku");
        // Seller centers show no variant id: the seller's SKU is the key, else the product and the row's place.
        String variantCode = sku != null ? sku : v.productNo() + "-" + (v.index() + 1);
        Money extra = v.row().get("extraPrice") == null ? Money.ZERO : (Money) v.row().get("extraPrice");
        Variant variant = new Variant(accountId, variantCode, v.productNo(), sku, v.row().text("option"), extra, true,
                v.selling(), SourceKind.CRAWL);
        return new VariantStock(variant, new StockLevel(accountId, variantCode, businessDate,
                (Integer) v.row().get("stock"), 0, true, v.row().raw().get("stock"), SourceKind.CRAWL));
    }
}
