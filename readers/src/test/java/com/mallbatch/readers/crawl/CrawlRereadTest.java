package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.sellercenter.DriftedField;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.mallbatch.readers.crawl.CrawlSandbox.BUSINESS_DATE;
import static com.mallbatch.readers.crawl.CrawlSandbox.children;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link CrawlExtractors#reread} against the sandbox's seller centers over HTTP, compared with a collect and the truth. */
class CrawlRereadTest {

    private static CrawlSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new CrawlSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.server.faults().clear();
    }

    @Test
    void aProductFoundByTheLinkInItsListRowIsLookedUpInTheListAndReadAsTheCollectReadsIt() {
        MallAccount account = sandbox.account("stylemarket01");
        SellerCenter center = sandbox.center("stylemarket01");
        List<String> products = productNos("stylemarket01");
        List<String> asked = List.of(products.get(3), products.get(45), "999999", products.get(3));
        List<VariantStock> collected = collect(account);
        center.clearRequestLog();

        List<VariantStock> reread = sandbox.extractors.reread(account, asked, BUSINESS_DATE);

        assertThat(reread).as("each product once, the unknown one left out, mapped as the collect maps it")
                .isEqualTo(of(collected, products.get(3), products.get(45)));
        assertThat(lines(reread)).isEqualTo(truth("stylemarket01", products.get(3), products.get(45)));
        assertThat(center.requestLog()).as("the list walked to its end looking for 999999, and only the asked pages read")
                .filteredOn(r -> r.startsWith("GET /products")).containsExactly("GET /products?page=1",
                        "GET /products/" + products.get(3), "GET /products?page=2", "GET /products?page=3",
                        "GET /products/" + products.get(45));
    }

    @Test
    void aListWalkStopsOnceEveryProductAskedForWasFound() {
        SellerCenter center = sandbox.center("stylemarket01");
        String first = productNos("stylemarket01").get(0);
        center.clearRequestLog();

        assertThat(sandbox.extractors.reread(sandbox.account("stylemarket01"), List.of(first), BUSINESS_DATE)).isNotEmpty();

        assertThat(center.requestLog()).filteredOn(r -> r.startsWith("GET /products"))
                .containsExactly("GET /products?page=1", "GET /products/" + first);
    }

    @Test
    void aProductPageByUrlTemplateIsReadWithoutTheListAndAMissingOneIsLeftOut() {
        MallAccount account = sandbox.account("nextshop01");
        SellerCenter center = sandbox.center("nextshop01");
        List<String> products = productNos("nextshop01");
        List<VariantStock> collected = collect(account);
        center.clearRequestLog();

        List<VariantStock> reread = sandbox.extractors.reread(account, List.of(products.get(7), "42", products.get(30)),
                BUSINESS_DATE);

        assertThat(lines(reread)).isEqualTo(truth("nextshop01", products.get(7), products.get(30)));
        assertThat(center.requestLog()).filteredOn(r -> r.startsWith("GET /products"))
                .containsExactly("GET /products/" + products.get(7), "GET /products/42", "GET /products/" + products.get(30));
        // the product page does not say whether the product is on sale: a re-read by URL reports it selling
        assertThat(reread).allSatisfy(v -> assertThat(v.variant().selling()).isTrue());
        assertThat(reread.stream().map(v -> withSelling(v, true)).toList())
                .isEqualTo(of(collected, products.get(7), products.get(30)).stream().map(v -> withSelling(v, true)).toList());
    }

    @Test
    void aProductDeletedSinceTheListWasReadIsLeftOut() {
        MallAccount account = sandbox.account("easyseller01");
        List<Map<String, Object>> truth = children(sandbox.center("easyseller01").groundTruth(), "products");
        String deleted = truth.stream().filter(p -> (Boolean) p.get("deleted")).findFirst().orElseThrow().get("id").toString();
        String kept = truth.stream().filter(p -> !(Boolean) p.get("deleted")).findFirst().orElseThrow().get("id").toString();

        List<VariantStock> reread = sandbox.extractors.reread(account, List.of(deleted, kept), BUSINESS_DATE);

        assertThat(lines(reread)).isEqualTo(truth("easyseller01", kept));
        assertThat(sandbox.failures).isEmpty();
    }

    @Test
    void aValueShownStaleDuringTheCollectIsReadTrueByALaterReread() {
        MallAccount account = sandbox.account("stylemarket01");
        SellerCenter center = sandbox.center("stylemarket01");
        sandbox.server.faults().pageField(PageFieldFault.differentValue("stock", 0.1, 1).onlyAt("stylemarket01"));
        List<DriftedField> drifted = center.driftedFields();
        assertThat(drifted).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rendersLeft()).isEqualTo(1);
            assertThat(f.shownValue()).isNotEqualTo(f.trueValue());
        });

        List<VariantStock> collected = collect(account);

        Map<String, Long> shown = drifted.stream().collect(Collectors.toMap(f -> f.productId() + "|" + f.option(),
                DriftedField::shownValue));
        List<String> differing = new ArrayList<>();
        for (VariantStock v : collected) {
            String key = v.variant().productNo() + "|" + v.variant().optionText();
            if (shown.containsKey(key)) {
                assertThat((long) v.stock().quantity()).as(key).isEqualTo(shown.get(key));
                differing.add(key);
            }
        }
        assertThat(differing).as("the collect stored the stale value of every drifted variant").hasSize(drifted.size());
        assertThat(center.driftedFields()).allSatisfy(f -> assertThat(f.rendersLeft()).isZero());
        List<String> affected = drifted.stream().map(f -> String.valueOf(f.productId())).distinct().toList();
        Set<String> collectedLines = Set.copyOf(lines(of(collected, affected.toArray(String[]::new))));

        List<VariantStock> reread = sandbox.extractors.reread(account, affected, BUSINESS_DATE);

        assertThat(lines(reread)).isEqualTo(truth("stylemarket01", affected.toArray(String[]::new)))
                .noneMatch(collectedLines::contains);
    }

    private static List<VariantStock> collect(MallAccount account) {
        CrawlSandbox.Run<VariantStock> run = CrawlSandbox.readAll(sandbox.extractors.variantsAndStock(account, BUSINESS_DATE));
        assertThat(run.skipped()).isEmpty();
        return run.items();
    }

    /** The collected variants of these products, in this order. */
    private static List<VariantStock> of(List<VariantStock> collected, String... productNos) {
        List<VariantStock> result = new ArrayList<>();
        for (String productNo : productNos) {
            collected.stream().filter(v -> v.variant().productNo().equals(productNo)).forEach(result::add);
        }
        return result;
    }

    private static List<String> productNos(String centerId) {
        return children(sandbox.center(centerId).groundTruth(), "products").stream().map(p -> p.get("id").toString()).toList();
    }

    /** "product|option|sku|extra|stock|stockText" per variant of these products, as the center's ground truth holds them. */
    private static List<String> truth(String centerId, String... productNos) {
        List<String> lines = new ArrayList<>();
        for (String productNo : productNos) {
            for (Map<String, Object> p : children(sandbox.center(centerId).groundTruth(), "products")) {
                if (p.get("id").toString().equals(productNo)) {
                    for (Map<String, Object> v : children(p, "variants")) {
                        lines.add(String.join("|", productNo, (String) v.get("option"), (String) v.get("sku"),
                                v.get("extraPrice").toString(), v.get("stock").toString(), (String) v.get("stockText")));
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> lines(List<VariantStock> variants) {
        return variants.stream().map(v -> String.join("|", v.variant().productNo(), v.variant().optionText(),
                v.variant().sellerSku() == null ? "" : v.variant().sellerSku(),
                String.valueOf(v.variant().additionalAmount().amount().longValueExact()),
                String.valueOf(v.stock().quantity()), v.stock().stockText())).toList();
    }

    private static VariantStock withSelling(VariantStock v, boolean selling) {
        var x = v.variant();
        return new VariantStock(new com.mallbatch.domain.Variant(x.accountId(), x.variantCode(), x.productNo(), x.sellerSku(),
                x.optionText(), x.additionalAmount(), x.displayed(), selling, x.source()), v.stock());
    }
}
