package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.sellercenter.DriftedField;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.mallbatch.jobs.collect.ExpectedRows.children;
import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl whose product pages show one field unreadably on a tenth of the products: it completes, and
 * {@code crawl_field_parse_rates} holds one row per step execution and profile field with exactly the rows seen and
 * parsed the sandbox's ground truth predicts.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.chunk-size=10",
        "mallbatch.crawl.read-timeout=5s"})
class CrawlFieldParseRatesTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(60, 4, 5, 3)
            .withSellerCenters(1, 0, 10_000).withLineSellerCenters(0), "crawlparse");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void aCrawlWithAnUnreadableStockOnATenthOfItsProductPagesCompletesAndRecordsEachFieldsParseRate() throws Exception {
        long id = world.registerSellerCenters(accounts, "stylemarket", "stylemarket01").get("stylemarket01");
        SellerCenter center = world.sandbox.sellerCenters().center("stylemarket01");
        world.sandbox.faults().pageField(PageFieldFault.unparseable("stock", 0.1));
        List<DriftedField> drifted = center.driftedFields();

        JobExecution execution = jobOperator.start(collectJob, new JobParametersBuilder()
                .addString("businessDate", BUSINESS_DATE.toString()).addString("test.run", "parse-rates").toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> truth = center.groundTruth();
        List<Map<String, Object>> products = children(truth, "products");
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Map<String, Object> product : products) {
            for (Map<String, Object> variant : children(product, "variants")) {
                Map<String, Object> v = new java.util.HashMap<>(variant);
                v.put("productId", ((Number) product.get("id")).longValue());
                variants.add(v);
            }
        }
        List<Map<String, Object>> orders = children(truth, "orders").stream()
                .filter(o -> !((String) o.get("orderedAt")).startsWith(SandboxWorld.TODAY.toString())).toList();
        List<Map<String, Object>> lines = orders.stream().flatMap(o -> children(o, "lines").stream()).toList();
        assertThat(drifted).isNotEmpty();
        assertThat(orders).isNotEmpty();

        List<String> expected = new ArrayList<>();
        expected.add(row("collectProducts", "products", "productNo", products, p -> true));
        expected.add(row("collectProducts", "products", "sellerCode", products, p -> !((String) p.get("code")).isEmpty()));
        expected.add(row("collectProducts", "products", "name", products, p -> true));
        expected.add(row("collectProducts", "products", "price", products, p -> true));
        expected.add(row("collectProducts", "products", "selling", products, p -> true));
        expected.add(row("collectVariantsAndStock", "variants", "option", variants, v -> true));
        expected.add(row("collectVariantsAndStock", "variants", "sku", variants, v -> !((String) v.get("sku")).isEmpty()));
        expected.add(row("collectVariantsAndStock", "variants", "stock", variants,
                v -> drifted.stream().noneMatch(d -> d.productId() == (Long) v.get("productId")
                        && d.option().equals(v.get("option")))));
        expected.add(row("collectVariantsAndStock", "variants", "extraPrice", variants,
                v -> ((Number) v.get("extraPrice")).longValue() != 0));
        for (String field : List.of("orderNo", "orderedAt", "total")) {
            expected.add(row("collectOrders", "orders", field, orders, o -> true));
        }
        for (String field : List.of("lineNo", "productNo", "productName", "option", "quantity", "unitPrice", "status")) {
            expected.add(row("collectOrders", "orderLines", field, lines, l -> true));
        }
        expected.add(row("collectOrders", "orderLines", "sku", lines, l -> !((String) l.get("sku")).isEmpty()));

        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', SUBSTRING_INDEX(s.STEP_NAME, ':', 1), r.entity, r.field, "
                        + "r.rows_seen, r.rows_parsed, r.parse_rate) FROM crawl_field_parse_rates r "
                        + "JOIN BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = r.step_execution_id "
                        + "WHERE r.job_execution_id = ? AND r.account_id = ? AND r.site = 'stylemarket' AND r.business_date = ?",
                String.class, execution.getId(), id, BUSINESS_DATE))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_records WHERE account_id = ? AND entity LIKE 'variant of product %'",
                Integer.class, id)).as("the unreadable rows were skipped, one by one").isEqualTo(drifted.size());
    }

    /** "step|entity|field|seen|parsed|rate" as the table should hold it. */
    private static String row(String step, String entity, String field, List<Map<String, Object>> rows,
                              Predicate<Map<String, Object>> parsed) {
        long seen = rows.size();
        long ok = rows.stream().filter(parsed).count();
        return String.join("|", step, entity, field, String.valueOf(seen), String.valueOf(ok),
                new java.math.BigDecimal(ok).divide(new java.math.BigDecimal(seen), 4, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
    }
}
