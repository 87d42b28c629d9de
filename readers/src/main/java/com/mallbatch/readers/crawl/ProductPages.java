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

/**
 * Products' own pages and the variants with stock they show: found, read and mapped the one way both the collect's
 * variants stage ({@link CrawlVariantStockReader}) and a re-read for reconciliation ({@link CrawlReread}) use.
 */
final class ProductPages {

    /** One variant row of a product page, or, with {@code problem} set, why a product's variants could not be read. */
    record VariantRow(String productNo, boolean selling, int index, RowExtractor.Row row, MalformedRecordException problem) {
    }

    private final SiteProfile profile;
    private final CrawlSession session;
    private final RowExtractor extractor;
    private final long accountId;

    ProductPages(SiteProfile profile, CrawlSession session, RowExtractor extractor, long accountId) {
        this.profile = profile;
        this.session = session;
        this.extractor = extractor;
        this.accountId = accountId;
    }

    /** Whether the profile can tell a product's page from its number alone (a URL template), without the list. */
    boolean urlFromNumber() {
        return profile.productDetail().url() != null;
    }

    /** The page of product {@code productNo} by the profile's URL template; only when {@link #urlFromNumber()}. */
    String url(String productNo) {
        return session.url(profile.productDetail().url().replace("{productNo}", productNo));
    }

    /** Where a listed product's page is: the profile's URL template, else the link in its row of the list. */
    String url(String listUrl, RowExtractor.Row product, String productNo) {
        if (urlFromNumber()) {
            return url(productNo);
        }
        SiteProfile.Detail detail = profile.productDetail();
        List<Doc> link = product.node().select(detail.select());
        String href = link.isEmpty() ? null : link.get(0).value(detail.attr());
        if (href == null) {
            throw new SiteBrokenException(profile.name(), listUrl,
                    "product " + productNo + " has no link to its page (selector '" + detail.select() + "')");
        }
        return CrawlSession.resolve(listUrl, href);
    }

    /**
     * The variant rows of the product page at {@code url}, each field counted into {@code tally}.
     *
     * @param notFoundIsGone whether a 404 or 410 means the product is gone (else the site is broken)
     * @throws RecordGoneException when the page says the product is gone
     */
    List<VariantRow> variants(String productNo, boolean selling, String url, boolean notFoundIsGone, RowExtractor.Tally tally) {
        Doc detail = notFoundIsGone ? session.getRecord(url) : session.get(url);
        List<RowExtractor.Row> rows = extractor.extract(extractor.rows(detail, profile.variants().rows(), null, url),
                profile.variants().fields(), "variant of product " + productNo, url, tally);
        List<VariantRow> variants = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            variants.add(new VariantRow(productNo, selling, i, rows.get(i), rows.get(i).problem()));
        }
        return variants;
    }

    /** A variant row as the collect stores it; a row that could not be read throws its {@link MalformedRecordException}. */
    VariantStock map(VariantRow v, LocalDate businessDate) {
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
