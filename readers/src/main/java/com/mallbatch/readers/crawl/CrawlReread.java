package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.VariantStock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads some products' pages again, now, for reconciliation's re-verification, through one session of the account
 * (its login, the site's politeness and retries), mapping their variants as the collect's variants stage does. A
 * product whose page is gone — not in the list, a declared gone alert, HTTP 404 or 410 — is left out; so is a variant
 * row the collect would have skipped as malformed. Where the profile finds a product's page by a link in its list row,
 * the product list is walked from page 1 until every product asked for was found or the list ends.
 */
final class CrawlReread {

    private static final Logger log = LoggerFactory.getLogger(CrawlReread.class);

    private final SiteProfile profile;
    private final CrawlSession session;
    private final RowExtractor extractor;
    private final ProductPages pages;

    CrawlReread(SiteProfile profile, CrawlSession session, long accountId) {
        this.profile = profile;
        this.session = session;
        this.extractor = new RowExtractor(profile);
        this.pages = new ProductPages(profile, session, extractor, accountId);
    }

    /** The variants of {@code productNos} (in that order, each once) with the stock their pages show now. */
    List<VariantStock> variants(List<String> productNos, LocalDate businessDate) {
        Set<String> wanted = new LinkedHashSet<>(productNos);
        Map<String, List<VariantStock>> read = new LinkedHashMap<>();
        if (pages.urlFromNumber()) {
            // the product page does not say whether the product is on sale (the list does): reported as selling
            for (String productNo : wanted) {
                read(productNo, true, pages.url(productNo), businessDate, read);
            }
        } else {
            walkList(wanted, businessDate, read);
        }
        List<VariantStock> variants = new ArrayList<>();
        wanted.forEach(productNo -> variants.addAll(read.getOrDefault(productNo, List.of())));
        return variants;
    }

    /** Finds the wanted products' rows in the product list, page by page, reading each one's page as it is found. */
    private void walkList(Set<String> wanted, LocalDate businessDate, Map<String, List<VariantStock>> read) {
        Set<String> found = new LinkedHashSet<>();
        for (int page = 1; found.size() < wanted.size(); page++) {
            CrawlReader.ListPage list = CrawlReader.listPage(profile, session, extractor, profile.productList(),
                    Map.of("page", String.valueOf(page)));
            for (RowExtractor.Row product : extractor.extract(list.rows(), profile.productFields(), "product", list.url())) {
                String productNo = product.text("productNo");
                if (product.problem() == null && wanted.contains(productNo) && found.add(productNo)) {
                    read(productNo, CrawledProducts.selling(CrawledProducts.status(product)),
                            pages.url(list.url(), product, productNo), businessDate, read);
                }
            }
            if (!list.hasNext()) {
                break;
            }
        }
        if (found.size() < wanted.size()) {
            Set<String> missing = new LinkedHashSet<>(wanted);
            missing.removeAll(found);
            log.info("Re-read on {}: products {} are no longer listed; left out", profile.name(), missing);
        }
    }

    /** Reads one product's page and maps its variants at once, so no page is held longer than its own reading. */
    private void read(String productNo, boolean selling, String url, LocalDate businessDate,
                      Map<String, List<VariantStock>> read) {
        List<ProductPages.VariantRow> rows;
        try {
            rows = pages.variants(productNo, selling, url, true, RowExtractor.Tally.NONE);
        } catch (RecordGoneException gone) {
            log.info("Re-read on {}: product {} is gone ({}); left out", profile.name(), productNo, gone.getMessage());
            return;
        }
        List<VariantStock> variants = new ArrayList<>(rows.size());
        for (ProductPages.VariantRow row : rows) {
            try {
                variants.add(pages.map(row, businessDate));
            } catch (MalformedRecordException e) {
                log.info("Re-read on {}: variant {} of product {} left out: {}", profile.name(), row.index() + 1,
                        productNo, e.getMessage());
            }
        }
        read.put(productNo, variants);
    }
}
