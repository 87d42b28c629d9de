package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.writers.mysql.JdbcCrawlProfiles;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawled malls in collectJob: sandbox seller centers over real HTTP through HtmlUnit, driven by site profiles,
 * into MariaDB, compared with the seller centers' ground truth.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.chunk-size=10",
        "mallbatch.collect.read-timeout=5s"})
class CrawlCollectTest {

    /** Sessions last 40 requests, so every crawl here has to log in again several times. */
    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(120, 4, 12, 10)
            .withSellerCenters(2, 1, 40), "crawl");
    static final LocalDate FROM = BUSINESS_DATE.minusDays(7);
    private static int runs;

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
    JdbcCrawlProfiles profiles;
    @Autowired
    JdbcTemplate jdbc;

    Map<String, Long> ids;

    @BeforeEach
    void cleanSlate() {
        world.resetCollectedData(jdbc);
        jdbc.execute("UPDATE mall_accounts SET enabled = FALSE");
        ids = world.registerSellerCenters(accounts, "stylemarket", "stylemarket01", "stylemarket02");
        world.sandbox.sellerCenters().centers().forEach(SellerCenter::clearRequestLog);
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void crawlingTwoSellerCentersLoadsExactlyTheirGroundTruthAndRecordsTheSuccessRate() throws Exception {
        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertEqualsGroundTruth("stylemarket01", BUSINESS_DATE);
        assertEqualsGroundTruth("stylemarket02", BUSINESS_DATE);
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM products", String.class)).containsExactly("CRAWL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crawl_stats WHERE site = 'stylemarket' "
                + "AND success_rate = 1", Integer.class)).isEqualTo(2 * 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fetch_failures", Integer.class)).isZero();
    }

    @Test
    void aSessionThatExpiresMidCrawlLogsInAgainByItself() throws Exception {
        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        SellerCenter center = world.sandbox.sellerCenters().center("stylemarket01");
        assertThat(center.logins()).as("sessions expired and were renewed").isGreaterThan(3);
        assertThat(center.requestLog()).as("requests sent back to the login page").anyMatch(r -> r.startsWith("POST /login"));
        assertEqualsGroundTruth("stylemarket01", BUSINESS_DATE);
    }

    @Test
    void aChangedLayoutFailsTheStepNamesTheSelectorAndKeepsTheLastStockMarkedStale() throws Exception {
        assertThat(run(BUSINESS_DATE.minusDays(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> stockBefore = stock();

        world.sandbox.faults().layoutV2(true);
        JobExecution broken = run(BUSINESS_DATE);

        assertThat(broken.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(broken.getAllFailureExceptions()).isNotEmpty().anySatisfy(e -> assertThat(rootMessage(e))
                .contains("Site 'stylemarket'").contains("/seller/stylemarket0").contains("/products?page=1")
                .contains("'tr.product-row'"));
        assertThat(stock()).as("no value replaced, none zeroed").isEqualTo(stockBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE business_date = ?", Integer.class,
                BUSINESS_DATE)).isZero();
        assertThat(jdbc.queryForObject("SELECT MIN(stale + 0) FROM stock_levels", Integer.class))
                .as("every kept value is marked stale").isEqualTo(1);
    }

    @Test
    void aTruncatedPageIsRetriedAndTheRunCompletes() throws Exception {
        world.sandbox.faults().truncatedHtmlRate(0.08);

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertEqualsGroundTruth("stylemarket01", BUSINESS_DATE);
        assertEqualsGroundTruth("stylemarket02", BUSINESS_DATE);
        assertThat(jdbc.queryForList("SELECT error FROM fetch_failures", String.class)).isNotEmpty()
                .allSatisfy(error -> assertThat(error).contains("cut off before </html>"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fetch_failures WHERE step_execution_id IS NULL",
                Integer.class)).as("each failure names its step execution").isZero();
    }

    @Test
    void aMallAddedWithNothingButAProfileInTheDatabaseLoads() throws Exception {
        jdbc.execute("UPDATE mall_accounts SET enabled = FALSE");
        profiles.save("nextshop", new ClassPathResource("profiles/nextshop.yml").getContentAsString(StandardCharsets.UTF_8));
        Map<String, Long> next = world.registerSellerCenters(accounts, "nextshop", "nextshop01");

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        ExpectedCrawlRows expected = new ExpectedCrawlRows(next.get("nextshop01"),
                world.sandbox.sellerCenters().center("nextshop01").groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, next.get("nextshop01"));
        assertThat(actual.products()).isNotEmpty().isEqualTo(expected.products());
        assertThat(actual.variants()).isEqualTo(expected.variants());
        assertThat(actual.stock(BUSINESS_DATE)).isEqualTo(expected.stock(BUSINESS_DATE));
        assertThat(actual.orders()).isEqualTo(expected.orders(FROM, BUSINESS_DATE));
        assertThat(actual.orderLines()).isEqualTo(expected.orderLines(FROM, BUSINESS_DATE));
    }

    @Test
    void theSitesPolitenessHoldsAcrossPartitions() throws Exception {
        // The same site profile, stricter: one page at a time across every account crawling the site.
        String gentle = new ClassPathResource("crawl-profiles/stylemarket.yml").getContentAsString(StandardCharsets.UTF_8)
                .replace("name: stylemarket", "name: stylemarket-gentle").replace("maxConcurrency: 2", "maxConcurrency: 1");
        profiles.save("stylemarket-gentle", gentle);
        jdbc.execute("UPDATE mall_accounts SET enabled = FALSE");
        Map<String, Long> gentleIds = world.registerSellerCenters(accounts, "stylemarket-gentle", "stylemarket01", "stylemarket02");
        world.sandbox.sellerCenters().resetPeakConcurrentRequests();

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(world.sandbox.sellerCenters().peakConcurrentRequests()).as("pages in flight at once").isEqualTo(1);
        assertThat(new DatabaseRows(jdbc, gentleIds.get("stylemarket02")).stock(BUSINESS_DATE)).isEqualTo(new ExpectedCrawlRows(
                gentleIds.get("stylemarket02"), world.sandbox.sellerCenters().center("stylemarket02").groundTruth())
                .stock(BUSINESS_DATE));
    }

    @Test
    void aRestartAfterAFailureOnPageKFetchesFromPageKOn() throws Exception {
        world.sandbox.faults().outage("/seller/stylemarket01/products?page=4");
        JobExecution failed = run(BUSINESS_DATE, "restart");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fetch_failures WHERE url LIKE '%products?page=4'",
                Integer.class)).as("every failed attempt recorded").isEqualTo(5);

        world.sandbox.faults().clear();
        SellerCenter center = world.sandbox.sellerCenters().center("stylemarket01");
        center.clearRequestLog();
        JobExecution restarted = run(BUSINESS_DATE, "restart");
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());

        List<String> listPages = center.requestLog().stream().filter(r -> r.startsWith("GET /products?page=")).toList();
        assertThat(listPages.get(0)).as("the products step resumed at the page that failed; list pages asked: %s", listPages)
                .isEqualTo("GET /products?page=4");
        assertEqualsGroundTruth("stylemarket01", BUSINESS_DATE);
    }

    /** A fresh job instance (each test starts its own). */
    private JobExecution run(LocalDate businessDate) throws Exception {
        return run(businessDate, "crawl-" + (runs++));
    }

    /** The same tag and date again restart the instance. */
    private JobExecution run(LocalDate businessDate, String tag) throws Exception {
        return jobOperator.start(collectJob, new JobParametersBuilder().addString("businessDate", businessDate.toString())
                .addString("test.run", tag).toJobParameters());
    }

    private List<String> stock() {
        return jdbc.queryForList("SELECT CONCAT_WS('|', account_id, variant_code, business_date, quantity) FROM stock_levels "
                + "ORDER BY 1", String.class);
    }

    private void assertEqualsGroundTruth(String centerId, LocalDate businessDate) {
        long accountId = ids.get(centerId);
        ExpectedCrawlRows expected = new ExpectedCrawlRows(accountId, world.sandbox.sellerCenters().center(centerId).groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, accountId);
        assertThat(actual.products()).as("products of %s", centerId).isEqualTo(expected.products());
        assertThat(actual.variants()).as("variants of %s", centerId).isEqualTo(expected.variants());
        assertThat(actual.stock(businessDate)).as("stock of %s", centerId).isEqualTo(expected.stock(businessDate));
        assertThat(actual.orders()).as("orders of %s", centerId).isEqualTo(expected.orders(businessDate.minusDays(7), businessDate));
        assertThat(actual.orderLines()).as("order lines of %s", centerId)
                .isEqualTo(expected.orderLines(businessDate.minusDays(7), businessDate));
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
