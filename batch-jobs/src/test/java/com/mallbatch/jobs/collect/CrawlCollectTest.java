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
        "mallbatch.crawl.read-timeout=5s"})
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crawl_stats WHERE job_execution_id = ?", Integer.class,
                broken.getId())).as("the failed run still reports its pages").isEqualTo(2);
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
        profiles.save("nextshop-db", new ClassPathResource("crawl-profiles/nextshop.yml").getContentAsString(StandardCharsets.UTF_8)
                .replace("name: nextshop", "name: nextshop-db"));
        Map<String, Long> next = world.registerSellerCenters(accounts, "nextshop-db", "nextshop01");

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
        int products = ((List<?>) center.groundTruth().get("products")).size();
        assertThat(jdbc.queryForObject("SELECT CONCAT(read_count, '/', write_count, '/', skip_count, '/', status) "
                + "FROM collect_stats WHERE account_id = ? AND entity = 'product'", String.class, ids.get("stylemarket01")))
                .as("the whole account-day is counted, not only what the restart did").isEqualTo(products + "/" + products + "/0/COMPLETED");
    }

    @Test
    void aLinePerRowSellerCenterLoadsEachLineWithItsOwnAmountsAndStatusAndTheDaysTotals() throws Exception {
        Map<String, Long> easy = registerOnly("easyseller", "easyseller01");

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        long id = easy.get("easyseller01");
        ExpectedCrawlRows expected = new ExpectedCrawlRows(id, world.sandbox.sellerCenters().center("easyseller01").groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, id);
        assertThat(actual.products()).as("brand, list price and four product statuses").isEqualTo(expected.products());
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM products WHERE account_id = ?", String.class, id))
                .containsExactlyInAnyOrder("ON_SALE", "SOLD_OUT", "SUSPENDED", "HIDDEN");
        assertThat(actual.variants()).isEqualTo(expected.variants());
        assertThat(actual.stock(BUSINESS_DATE)).as("the page's stock words kept beside the numbers").isEqualTo(expected.stock(BUSINESS_DATE));
        assertThat(jdbc.queryForList("SELECT DISTINCT stock_text FROM stock_levels WHERE account_id = ? AND quantity = 0",
                String.class, id)).contains("품절", "0");
        assertThat(actual.orders()).isEqualTo(expected.orders(FROM, BUSINESS_DATE));
        assertThat(actual.orderLines()).as("paid amount, discount, coupon, list price and status per line; no unit price invented")
                .isEqualTo(expected.orderLines(FROM, BUSINESS_DATE));
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', account_id, business_date, order_count, amount) FROM mall_daily_totals "
                + "WHERE account_id = ? AND source = 'CRAWL_LIST' ORDER BY 1", String.class, id))
                .isEqualTo(expected.dailyTotals(FROM, BUSINESS_DATE));
        List<Map<String, Object>> deleted = expected.deletedProducts();
        assertThat(deleted).isNotEmpty();
        for (Map<String, Object> product : deleted) {
            assertThat(jdbc.queryForObject("SELECT reason FROM skipped_records WHERE account_id = ? AND entity = 'product' "
                    + "AND record_key = ?", String.class, id, String.valueOf(product.get("id"))))
                    .contains("존재하지 않는 상품입니다").contains("/products/" + product.get("id"));
        }
    }

    @Test
    void twoLinesOfOneOrderUnderOneKeyFailTheAccountNamingBothInsteadOfOverwritingOne() throws Exception {
        // a profile that took the wrong column for the line key: the lines of an order share a status word
        String wrongKey = new ClassPathResource("crawl-profiles/easyseller.yml").getContentAsString(StandardCharsets.UTF_8)
                .replace("name: easyseller", "name: easyseller-wrong-key")
                .replace("lineNo: \"td.line-no\"", "lineNo: \"td.line-status\"");
        profiles.save("easyseller-wrong-key", wrongKey);
        registerOnly("easyseller-wrong-key", "easyseller01");

        JobExecution execution = run(BUSINESS_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).filteredOn(step -> step.getStepName().startsWith("collectOrders:"))
                .singleElement().satisfies(step -> assertThat(step.getExitStatus().getExitDescription())
                        .contains("is not unique within the order").containsPattern("lines '[^']+ / \\S+ \\(.+\\)' and '")
                        .contains("mallbatch.collect.order-skip-limit"));
    }

    @Test
    void aCaptchaOnTheLoginAnswerIsReportedAsACaptcha() throws Exception {
        registerOnly("easyseller", "easyseller01");
        world.sandbox.faults().captchaOnLogin(true);

        JobExecution execution = run(BUSINESS_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).filteredOn(step -> step.getStatus() == BatchStatus.FAILED
                        && step.getStepName().startsWith("collectProducts:"))
                .singleElement().satisfies(step -> assertThat(step.getExitStatus().getExitDescription())
                        .contains("the login was answered with a CAPTCHA").doesNotContain("login did not land"));
    }

    @Test
    void aTransientFaultOnThePageAfterLoginIsRetriedLikeAnyPage() throws Exception {
        Map<String, Long> easy = registerOnly("easyseller", "easyseller01");
        world.sandbox.faults().failNext("/dashboard", 2);

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForList("SELECT CONCAT(http_status, ' ', url) FROM fetch_failures", String.class))
                .hasSize(2).allSatisfy(f -> assertThat(f).startsWith("503 ").endsWith("/seller/easyseller01/dashboard"));
        assertThat(new DatabaseRows(jdbc, easy.get("easyseller01")).orders()).isNotEmpty();
    }

    @Test
    void stockOfADateCollectedOnlyInPartIsMarkedSoUntilTheAccountCompletes() throws Exception {
        SellerCenter center = world.sandbox.sellerCenters().center("stylemarket01");
        List<Map<String, Object>> products = ExpectedRows.children(center.groundTruth(), "products");
        world.sandbox.faults().outage("/seller/stylemarket01/products/" + products.get(products.size() / 2).get("id"));

        JobExecution failed = run(BUSINESS_DATE, "partial");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long id = ids.get("stylemarket01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE account_id = ? AND business_date = ? "
                + "AND partial", Integer.class, id, BUSINESS_DATE)).as("rows committed before the failure").isPositive();
        assertThat(new DatabaseRows(jdbc, id).stock(BUSINESS_DATE)).as("a 'stock on that date' query sees none of them").isEmpty();

        world.sandbox.faults().clear();
        assertThat(run(BUSINESS_DATE, "partial").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE partial", Integer.class)).isZero();
        assertEqualsGroundTruth("stylemarket01", BUSINESS_DATE);
    }

    @Test
    void redirectsAndLoginsCountAgainstTheSitesPoliteness() throws Exception {
        // 1,200 requests a minute: 50 ms between request starts, the login's own and every redirect included. A redirect
        // followed inside the browser would arrive a millisecond after its request and shorten the whole crawl.
        String paced = new ClassPathResource("crawl-profiles/stylemarket.yml").getContentAsString(StandardCharsets.UTF_8)
                .replace("name: stylemarket", "name: stylemarket-paced")
                .replace("maxConcurrency: 2, requestsPerMinute: 6000", "maxConcurrency: 1, requestsPerMinute: 1200");
        profiles.save("stylemarket-paced", paced);
        registerOnly("stylemarket-paced", "stylemarket02");
        SellerCenter center = world.sandbox.sellerCenters().center("stylemarket02");

        assertThat(run(BUSINESS_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<Long> starts = center.requestStartNanos();
        List<String> requests = center.requestLog();
        assertThat(center.logins()).as("sessions expired, so the crawl logged in again").isGreaterThan(3);
        assertThat(requests).as("each redirect was a request of its own").anyMatch(r -> r.equals("GET /dashboard"));
        assertThat(starts.get(starts.size() - 1) - starts.get(0)).as("%d requests, each one spaced", starts.size())
                .isGreaterThanOrEqualTo((long) ((starts.size() - 1) * 50_000_000L * 0.95));
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).as("gap before %s (after %s)", requests.get(i), requests.get(i - 1))
                    .isGreaterThanOrEqualTo(10_000_000L);
        }
    }

    /** Only these seller centers, crawled with {@code profile}. */
    private Map<String, Long> registerOnly(String profile, String... centerIds) {
        jdbc.execute("UPDATE mall_accounts SET enabled = FALSE");
        return world.registerSellerCenters(accounts, profile, centerIds);
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
        GroundTruth.assertCenter(jdbc, world.sandbox.sellerCenters().center(centerId), ids.get(centerId), businessDate);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
