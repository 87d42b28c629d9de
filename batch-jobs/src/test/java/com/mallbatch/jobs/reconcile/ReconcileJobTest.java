package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.TestWorkbooks;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.commands.CommandLineCommand;
import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.cafe24.StockDrift;
import com.mallbatch.sandbox.sellercenter.DriftedField;
import com.mallbatch.sandbox.webhook.WebhookReceiver;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import com.mallbatch.jobs.support.BusinessDate;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nights of one business date against the sandbox over HTTP and MariaDB: three tenants (two Cafe24 malls with a
 * master inventory exported from the sandbox's truth, one crawled seller center with a totals box). A clean night
 * breaks nothing and sends nothing; a report the mall publishes late is pending, then passes; a check that cannot run
 * fails its account, and the restart goes on from that check; a night with injected drift breaks exactly what was
 * injected, with its severity, and each tenant's digest names its mall and counts; a rerun adds nothing; people's
 * decisions are appended; the fixed drift resolves every break the next night.
 */
@SpringBootTest(classes = {TestJobsApplication.class, ReconcileJobTest.Meters.class}, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.alerts.spacing=0s",
        "mallbatch.cafe24.max-retries=1",
        "mallbatch.cafe24.initial-backoff=10ms",
        "mallbatch.reconcile.tenants.crawlco.reverify-min-sample=100000"})
class ReconcileJobTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(2).withSize(30, 3, 20, 8)
            .withSellerCenters(0, 0, 1000).withLineSellerCenters(1), "reconcile");
    static final List<String> TENANTS = List.of("acme", "bravo", "crawlco");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
        TENANTS.forEach(t -> registry.add("mallbatch.alerts.tenant-webhooks." + t, () -> world.sandbox.webhookUrl(t)));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** The morning after the business date, as the sandbox's malls have it: their reports of it are out. */
        @Bean
        @Primary
        Clock morningAfter() {
            return Clock.fixed(SandboxWorld.TODAY.atTime(9, 0).atZone(BusinessDate.SEOUL).toInstant(), BusinessDate.SEOUL);
        }
    }

    @Autowired
    JobLaunchService launcher;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("acknowledgeBreakCommand")
    CommandLineCommand acknowledge;
    @Autowired
    @Qualifier("acceptBreakCommand")
    CommandLineCommand accept;
    @TempDir
    static Path dir;

    private int collects;
    private int rechecks;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void nightsOfReconcile() throws Exception {
        Cafe24Mall acmeMall = world.sandbox.cafe24().mall("sandbox01");
        Cafe24Mall bravoMall = world.sandbox.cafe24().mall("sandbox02");
        long acme = register("acme", acmeMall);
        long bravo = register("bravo", bravoMall);
        long crawled = accounts.register(new JdbcMallAccounts.Registration("crawlco", "크롤 상사", Platform.CRAWL,
                "easyseller01", world.sandbox.sellerCenterBaseUrl("easyseller01"), RateBudget.CAFE24_DEFAULT, "easyseller",
                true, new MallCredentials(world.sandbox.sellerCenters().center("easyseller01").username(),
                world.sandbox.sellerCenters().center("easyseller01").password(), null, null, null)));
        WebhookReceiver hooks = world.sandbox.webhooks();
        hooks.clear();

        // A clean night: bravo's report comes late (not ready on the first ask); acme's report endpoint is down
        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        importMaster("acme", acmeMall);
        importMaster("bravo", bravoMall);
        bravoMall.delayDailySales(BUSINESS_DATE, 1);
        world.sandbox.faults().outage("financials/dailysales");
        JobExecution failed = reconcile(null);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(FailureReport.lines(failed)).singleElement().asString()
                .contains("reconcile of " + BUSINESS_DATE + " failed for 2 account(s)")
                .contains("- acme/CAFE24/sandbox01: acme/CAFE24/sandbox01: check orders_vs_mall_totals of " + BUSINESS_DATE
                        + " could not run: ").contains("503");
        world.sandbox.faults().outage(null);

        JobExecution restarted = reconcile(null);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(accountReads(restarted)).as("only the failed accounts run again, from the check that failed on")
                .containsExactlyInAnyOrderEntriesOf(Map.of("acme/CAFE24/sandbox01", 4L, "bravo/CAFE24/sandbox02", 4L));
        assertThat(breaks()).as("a clean night breaks nothing: %s", evidence()).isEmpty();
        assertThat(verdict(bravo, "orders_vs_mall_totals", "report")).isEqualTo("PENDING");
        assertThat(verdict(bravo, "orders_vs_mall_totals", "CAFE24_DAILYSALES")).isNull();
        assertThat(jdbc.queryForMap("SELECT figure, thresholds, verdict FROM reconcile_results WHERE account_id = ? "
                + "AND check_name = 'orders_vs_mall_totals' AND subject = 'CAFE24_DAILYSALES'", acme))
                .containsEntry("verdict", "PASS").extractingByKey("thresholds").asString()
                .startsWith("count difference 0, amount difference <= max(₩10, 0.1%)");
        assertThat(verdict(crawled, "orders_vs_mall_totals", "CRAWL_LIST")).isEqualTo("PASS");
        assertThat(jdbc.queryForObject("SELECT figure FROM reconcile_results WHERE account_id = ? AND check_name = "
                + "'stock_vs_master'", BigDecimal.class, acme)).isEqualByComparingTo("100");
        assertThat(verdict(crawled, "stock_vs_master", "")).isEqualTo("PASS");
        assertThat(verdict(acme, "freshness", "stock")).isEqualTo("PASS");

        // The scheduler's re-check: the late report is there now and matches
        assertThat(recheck().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(verdict(bravo, "orders_vs_mall_totals", "report")).isEqualTo("PENDING").as("stored, never changed");
        assertThat(newestVerdict(bravo, "orders_vs_mall_totals", "CAFE24_DAILYSALES")).isEqualTo("PASS");
        assertThat(breaks()).isEmpty();
        assertThat(hooks.received("acme")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_digests WHERE sent", Integer.class)).isZero();

        // A night the seller center changed how it shows stock on a fifth of its product pages: the crawl completes
        world.resetCollectedData(jdbc);
        world.sandbox.faults().pageField(PageFieldFault.unparseable("stock", 0.2).onlyAt("easyseller01"));
        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recheck().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(breaks()).as("the layout drift, nothing else: %s", evidence())
                .containsExactly("easyseller01 layout_drift LAYOUT_DRIFT variants.stock MEDIUM OPEN");
        assertThat(hooks.received("crawlco")).singleElement().satisfies(m -> assertThat(m.body())
                .contains("1 new or worse break(s)").contains("LAYOUT_DRIFT").contains("variants.stock"));

        // A night with drift: Cafe24 stock and orders; the seller center showed a stale stock on a tenth of its pages
        List<StockDrift> oversold = acmeMall.driftListedStock(2, 2);
        List<StockDrift> underListed = bravoMall.driftListedStock(1, -3);
        String hidden = bravoMall.hideOrderPlacedOn(BUSINESS_DATE);
        acmeMall.adjustDailySales(BUSINESS_DATE, 0, new BigDecimal("50000"));
        world.resetCollectedData(jdbc);
        world.sandbox.faults().pageField(PageFieldFault.differentValue("stock", 0.1, 1).onlyAt("easyseller01"));
        List<DriftedField> stale = world.sandbox.sellerCenters().center("easyseller01").driftedFields();
        assertThat(stale).isNotEmpty();
        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recheck().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<String> expected = new ArrayList<>();
        expected.add("easyseller01 layout_drift LAYOUT_DRIFT variants.stock MEDIUM RESOLVED");
        stale.forEach(d -> expected.add("easyseller01 crawl_reverification FIELD_DIFFERS "
                + (d.sku() == null || d.sku().isEmpty() ? d.productId() + "-" + d.row() : d.sku()) + "/stock HIGH OPEN"));
        oversold.forEach(d -> expected.add("sandbox01 stock_vs_master OVERSELL_RISK " + d.sellerSku() + "@"
                + d.variantCode() + " CRITICAL OPEN"));
        expected.add("sandbox01 orders_vs_mall_totals TOTALS_DIFFER " + BUSINESS_DATE + "/CAFE24_DAILYSALES MEDIUM OPEN");
        underListed.forEach(d -> expected.add("sandbox02 stock_vs_master LOST_SALES " + d.sellerSku() + "@"
                + d.variantCode() + " LOW OPEN"));
        expected.add("sandbox02 orders_vs_mall_totals TOTALS_DIFFER " + BUSINESS_DATE + "/CAFE24_DAILYSALES HIGH OPEN");
        assertThat(breaks()).as("exactly the injected drift (order %s hidden)", hidden)
                .containsExactlyInAnyOrderElementsOf(expected);

        List<WebhookReceiver.Message> acmeDigest = hooks.received("acme");
        assertThat(acmeDigest).singleElement().satisfies(m -> assertThat(m.body())
                .contains("Reconcile " + BUSINESS_DATE + ": 3 new or worse break(s), 2 CRITICAL (oversell risk)")
                .contains("CAFE24 sandbox01").contains("collected").contains("new CRITICAL 2").contains("orders matched 0/1")
                .contains(oversold.get(0).sellerSku()).doesNotContain(acmeMall.clientSecret()));
        assertThat(hooks.received("bravo")).singleElement().satisfies(m -> assertThat(m.body())
                .contains("2 new or worse break(s)").contains("CAFE24 sandbox02").contains("new CRITICAL 0")
                .contains("LOST_SALES").contains("TOTALS_DIFFER").doesNotContain("sandbox01"));
        assertThat(hooks.received("crawlco")).hasSize(2).last().satisfies(m -> assertThat(m.body())
                .contains(stale.size() + " new or worse break(s)").contains("FIELD_DIFFERS"));

        assertThat(gauge("mallbatch.reconcile.breaks.open", "tenant", "acme", "severity", "CRITICAL")).isEqualTo(2);
        assertThat(gauge("mallbatch.reconcile.breaks.open", "tenant", "bravo", "severity", "HIGH")).isEqualTo(1);
        assertThat(gauge("mallbatch.reconcile.stock.match.rate", "tenant", "acme")).isLessThan(100).isGreaterThan(90);
        assertThat(gauge("mallbatch.reconcile.order.match.rate", "tenant", "crawlco")).isEqualTo(100);
        assertThat(gauge("mallbatch.reconcile.order.match.rate", "tenant", "bravo")).isZero();
        assertThat(gauge("mallbatch.reconcile.reverify.accuracy", "tenant", "crawlco", "field", "stock")).isLessThan(99);

        // A rerun of the same night adds nothing and sends nothing
        Map<String, Integer> before = counts();
        assertThat(recheck().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts()).isEqualTo(before);
        assertThat(hooks.received("acme")).hasSize(1);

        // People decide
        long oversell = breakId(acme, "OVERSELL_RISK");
        long lostSales = breakId(bravo, "LOST_SALES");
        acknowledge.run(Map.of("break", "#" + oversell, "by", "kim"));
        accept.run(Map.of("break", String.valueOf(lostSales), "by", "lee", "comment", "kept back for a promotion"));
        assertThat(jdbc.queryForList("SELECT CONCAT(event, ' ', state, ' ', actor, ' ', COALESCE(comment, '-')) FROM "
                + "reconcile_break_events WHERE break_id IN (?, ?) AND actor <> 'reconcile' ORDER BY id", String.class,
                oversell, lostSales)).containsExactly("ACKNOWLEDGED ACKNOWLEDGED kim -",
                "ACCEPTED ACCEPTED lee kept back for a promotion");

        // The drift is fixed: the next night resolves every break and sends nothing
        world.sandbox.cafe24().clearDrifts();
        world.resetCollectedData(jdbc);
        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(recheck().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(breaks()).hasSize(expected.size()).allSatisfy(b -> assertThat(b).endsWith(" RESOLVED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_break_events WHERE event = 'RESOLVED' "
                + "AND actor = 'reconcile'", Integer.class)).isEqualTo(expected.size());
        assertThat(hooks.received("acme")).hasSize(1);
        assertThat(hooks.received("bravo")).hasSize(1);
        assertThat(hooks.received("crawlco")).hasSize(2);

        assertThat(appendOnly()).as("results are never changed").contains("append-only");
    }

    /** The sum of a gauge's series carrying these tags. */
    private double gauge(String name, String... tags) {
        return meters.find(name).tags(tags).gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private long register(String tenant, Cafe24Mall mall) {
        return accounts.register(new JdbcMallAccounts.Registration(tenant, tenant, Platform.CAFE24, mall.mallId(),
                world.sandbox.cafe24BaseUrl(mall.mallId()), new RateBudget(world.sandbox.config().bucketCapacity(),
                world.sandbox.config().leakPerSecond()), null, true,
                new MallCredentials(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken(), null, null)));
    }

    private void importMaster(String tenant, Cafe24Mall mall) throws Exception {
        List<List<Object>> rows = mall.masterInventory(BUSINESS_DATE).stream()
                .map(r -> List.<Object>of(r.sellerSku(), r.quantity(), r.asOf())).toList();
        @SuppressWarnings("unchecked")
        Path file = TestWorkbooks.write(dir.resolve(tenant + "-inventory.xlsx"), List.of("셀러 SKU", "재고수량", "기준일"),
                rows.toArray(List[]::new));
        JobExecution run = launcher.launch("importMasterInventoryJob", new JobParametersBuilder()
                .addString("file", file.toString()).addString("tenant", tenant).toJobParameters(), "test");
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private JobExecution collect() {
        return launcher.launch("collectJob", new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                .addLong("run.id", (long) ++collects).toJobParameters(), "test");
    }

    private JobExecution reconcile(Long recheck) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString());
        if (recheck != null) {
            parameters.addLong("recheck", recheck);
        }
        return launcher.launch(ReconcileJobConfiguration.JOB_NAME, parameters.toJobParameters(), "test");
    }

    private JobExecution recheck() {
        return reconcile((long) ++rechecks + 1);
    }

    /** Checks read per account partition of the execution, as the repository has them. */
    private Map<String, Long> accountReads(JobExecution execution) {
        Map<String, Long> reads = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE "
                + "'reconcileAccount:%'", rs -> {
            reads.put(rs.getString(1).substring("reconcileAccount:".length()), rs.getLong(2));
        }, execution.getId());
        return reads;
    }

    /** Every break as it stands: mall, check, type, key, severity, state. */
    private List<String> breaks() {
        return jdbc.queryForList("SELECT CONCAT(a.account_key, ' ', b.check_name, ' ', b.break_type, ' ', b.break_key, "
                + "' ', e.severity, ' ', e.state) FROM reconcile_breaks b JOIN mall_accounts a ON a.id = b.account_id "
                + "JOIN reconcile_break_events e ON e.id = (SELECT MAX(x.id) FROM reconcile_break_events x "
                + "WHERE x.break_id = b.id)", String.class);
    }

    private List<String> evidence() {
        return jdbc.queryForList("SELECT evidence FROM reconcile_break_events", String.class);
    }

    private long breakId(long accountId, String type) {
        return jdbc.queryForList("SELECT id FROM reconcile_breaks WHERE account_id = ? AND break_type = ? ORDER BY id",
                Long.class, accountId, type).get(0);
    }

    /** The first verdict stored for the subject (results are append-only; later runs add rows). */
    private String verdict(long accountId, String check, String subject) {
        return jdbc.queryForList("SELECT verdict FROM reconcile_results WHERE account_id = ? AND check_name = ? AND "
                + "subject = ? ORDER BY id", String.class, accountId, check, subject).stream().findFirst().orElse(null);
    }

    private String newestVerdict(long accountId, String check, String subject) {
        return jdbc.queryForList("SELECT verdict FROM reconcile_results WHERE account_id = ? AND check_name = ? AND "
                + "subject = ? ORDER BY id DESC", String.class, accountId, check, subject).stream().findFirst().orElse(null);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("reconcile_results", "reconcile_breaks", "reconcile_break_events")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        counts.put("sent digests", jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_digests WHERE sent", Integer.class));
        return counts;
    }

    private String appendOnly() {
        try {
            jdbc.update("UPDATE reconcile_results SET verdict = 'PASS'");
            return "updated";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
