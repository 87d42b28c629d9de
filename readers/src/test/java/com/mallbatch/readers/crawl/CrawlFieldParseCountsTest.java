package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.sellercenter.DriftedField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.mallbatch.readers.crawl.CrawlSandbox.BUSINESS_DATE;
import static com.mallbatch.readers.crawl.CrawlSandbox.children;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-field parse counts of crawl steps over the sandbox's seller centers, with and without a field rendered unreadable. */
class CrawlFieldParseCountsTest {

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
    void anUnparseableStockOnATenthOfTheProductPagesLowersTheStockParseRateByExactlyThoseRows() {
        sandbox.server.faults().pageField(PageFieldFault.unparseable("stock", 0.1).onlyAt("stylemarket01"));
        List<DriftedField> drifted = sandbox.center("stylemarket01").driftedFields();
        List<Map<String, Object>> variants = variants("stylemarket01");

        CrawlSandbox.Run<VariantStock> run = CrawlSandbox.readAll(
                sandbox.extractors.variantsAndStock(sandbox.account("stylemarket01"), BUSINESS_DATE));

        assertThat(drifted.stream().map(DriftedField::productId).distinct()).as("a tenth of 50 products").hasSize(5);
        int all = variants.size();
        long withExtra = variants.stream().filter(v -> ((Number) v.get("extraPrice")).longValue() != 0).count();
        long withSku = variants.stream().filter(v -> !((String) v.get("sku")).isEmpty()).count();
        assertThat(withSku).isLessThan(all);
        // optional fields the page leaves empty (no SKU, no extra price) count as not parsed
        assertThat(counts(run.context())).isEqualTo(Map.of(
                "variants.option", all + "/" + all,
                "variants.sku", all + "/" + withSku,
                "variants.stock", all + "/" + (all - drifted.size()),
                "variants.extraPrice", all + "/" + withExtra));
        assertThat(run.skipped()).as("each unreadable row skipped, not the crawl failed").hasSize(drifted.size())
                .allSatisfy(e -> assertThat(e.getMessage()).contains("field 'stock'").containsPattern("\"[0-9,]+개\""));
        assertThat(run.items()).hasSize(all - drifted.size());
        assertThat(run.skipped().stream().map(MalformedRecordException::recordKey).collect(Collectors.toSet()))
                .isEqualTo(drifted.stream().map(DriftedField::option).collect(Collectors.toSet()));
    }

    @Test
    void withoutAFaultEveryRequiredFieldParsesOnEveryRowAndAnAbsentOptionalOneCountsAsNotParsed() {
        CrawlSandbox.Run<?> run = CrawlSandbox.readAll(sandbox.extractors.products(sandbox.account("easyseller01")));

        List<Map<String, Object>> products = children(sandbox.center("easyseller01").groundTruth(), "products");
        int all = products.size();
        long discounted = products.stream().filter(p -> p.get("listPrice") != null).count();
        long branded = products.stream().filter(p -> !((String) p.get("brand")).isEmpty()).count();
        assertThat(discounted).isPositive().isLessThan(all);
        assertThat(branded).isLessThan(all);
        assertThat(counts(run.context())).isEqualTo(Map.of(
                "products.productNo", all + "/" + all,
                "products.name", all + "/" + all,
                "products.brand", all + "/" + branded,
                "products.listPrice", all + "/" + discounted,
                "products.price", all + "/" + all,
                "products.status", all + "/" + all));
    }

    @Test
    void anOrderListOfOneRowPerLineCountsEachRowOnceUnderOrdersAndOrderLines() {
        LocalDate from = BUSINESS_DATE.minusDays(2);
        CrawlSandbox.Run<?> run = CrawlSandbox.readAll(sandbox.extractors.orders(sandbox.account("easyseller01"), from,
                BUSINESS_DATE));

        long lines = 0;
        long withSku = 0;
        boolean runsOver = false;
        for (LocalDate day = from; !day.isAfter(BUSINESS_DATE); day = day.plusDays(1)) {
            int row = 0;
            for (Map<String, Object> order : children(sandbox.center("easyseller01").groundTruth(), "orders")) {
                if (((String) order.get("orderedAt")).startsWith(day.toString())) {
                    int size = children(order, "lines").size();
                    withSku += children(order, "lines").stream().filter(l -> !((String) l.get("sku")).isEmpty()).count();
                    runsOver |= row / 20 != (row + size - 1) / 20; // the list shows 20 rows a page
                    row += size;
                }
            }
            lines += row;
        }
        assertThat(runsOver).as("an order's lines run over onto the next page").isTrue();
        Map<String, String> expected = new TreeMap<>();
        for (String field : List.of("orderNo", "orderedAt")) {
            expected.put("orders." + field, lines + "/" + lines);
        }
        for (String field : List.of("lineNo", "productNo", "productName", "option", "quantity", "listPrice",
                "discount", "coupon", "paidAmount", "status")) {
            expected.put("orderLines." + field, lines + "/" + lines);
        }
        expected.put("orderLines.sku", lines + "/" + withSku);
        assertThat(counts(run.context())).as("a page peeked at for an order running over is counted once")
                .isEqualTo(expected);
    }

    @Test
    void theCountsSurviveARestartAndAPageReadBeforeItIsNotCountedAgain() {
        sandbox.server.faults().pageField(PageFieldFault.unparseable("extraPrice", 0.2).onlyAt("stylemarket01"));
        Map<String, String> once = counts(CrawlSandbox.readAll(
                sandbox.extractors.variantsAndStock(sandbox.account("stylemarket01"), BUSINESS_DATE)).context());

        // a first execution that stops right after the first list page's products (20 per page)
        int firstPage = children(sandbox.center("stylemarket01").groundTruth(), "products").subList(0, 20).stream()
                .mapToInt(p -> children(p, "variants").size()).sum();
        ExecutionContext stopped = CrawlSandbox.readFrom(
                sandbox.extractors.variantsAndStock(sandbox.account("stylemarket01"), BUSINESS_DATE),
                new ExecutionContext(), firstPage).context();
        assertThat(counts(stopped).get("variants.option")).isEqualTo(firstPage + "/" + firstPage);

        CrawlSandbox.Run<VariantStock> restarted = CrawlSandbox.readFrom(
                sandbox.extractors.variantsAndStock(sandbox.account("stylemarket01"), BUSINESS_DATE),
                new ExecutionContext(stopped), Integer.MAX_VALUE);

        assertThat(counts(restarted.context())).isEqualTo(once);
        List<Map<String, Object>> variants = variants("stylemarket01");
        List<DriftedField> drifted = sandbox.center("stylemarket01").driftedFields();
        long shown = variants.stream().filter(v -> ((Number) v.get("extraPrice")).longValue() != 0).count();
        long unreadable = drifted.stream().filter(f -> f.trueValue() != 0).count();
        assertThat(unreadable).isPositive();
        assertThat(once.get("variants.extraPrice")).isEqualTo(variants.size() + "/" + (shown - unreadable));
    }

    /** "entity.field" → "seen/parsed" */
    private static Map<String, String> counts(ExecutionContext context) {
        return FieldParseCounts.in(context).stream().collect(Collectors.toMap(c -> c.entity() + "." + c.field(),
                c -> c.rowsSeen() + "/" + c.rowsParsed(), (a, b) -> a, TreeMap::new));
    }

    private static List<Map<String, Object>> variants(String centerId) {
        return children(sandbox.center(centerId).groundTruth(), "products").stream()
                .flatMap(p -> children(p, "variants").stream()).toList();
    }
}
