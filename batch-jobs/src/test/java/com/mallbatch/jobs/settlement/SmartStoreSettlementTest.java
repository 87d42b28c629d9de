package com.mallbatch.jobs.settlement;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.TestWorkbooks;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of two sandbox SmartStore sellers settled: collected through the Commerce API (the month's change feed, then
 * the days since up to the sandbox's today, as the daily collects would have), settled, and each draft checked against
 * a settlement computed here, independently, from the sandbox's ground truth. Naver reports what it keeps of each
 * product order; that, not the 10 % SMARTSTORE rule imported beside it, is the commission.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.order-lookback-days=30",
        "mallbatch.settlement.chunk-size=100",
        "mallbatch.smartstore.initial-backoff=20ms",
        "mallbatch.smartstore.max-backoff=500ms",
        "mallbatch.smartstore.max-retries=20"})
class SmartStoreSettlementTest {

    // 55 days of history before the sandbox's today (2026-11-21) reach back into September: all of October and more
    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(0).withSellerCenters(0, 0, 100)
            .withLineSellerCenters(0).withSmartStoreSellers(2).withSmartStoreSellersPerApplication(2)
            .withSize(30, 4, 5, 55).withSmartStoreRate(100), "ssettle");
    static final String PERIOD = "2026-10";
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Path RULES = tempDir("mallbatch-smartstore-rules");
    static final Set<String> SOLD = Set.of("DELIVERED", "PURCHASE_DECIDED", "EXCHANGED");
    static final Set<String> OPEN_CLAIMS = Set.of("CANCEL_REQUEST", "CANCELING", "RETURN_REQUEST", "EXCHANGE_REQUEST",
            "COLLECTING", "COLLECT_DONE", "EXCHANGE_REDELIVERING", "ADMIN_CANCELING");
    static final List<String> NAVER_COMMISSIONS = List.of("paymentCommission", "saleCommission", "channelCommission",
            "knowledgeShoppingSellingInterlockCommission");
    static final BigDecimal RULE_RATE = new BigDecimal("0.10");
    private static long runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.registerAsApplicationUser(registry);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    Job settlementJob;
    @Autowired
    Job importCommissionRulesJob;
    @Autowired
    Job importShippingFeeRulesJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcSettlements settlements;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void aSmartStoreMonthSettlesWithNaversOwnCommissionsAndMatchesTheNumbersComputedIndependently() throws Exception {
        Map<String, Long> ids = world.registerSmartStoreSellers(accounts);
        assertThat(run(importCommissionRulesJob, "file", TestWorkbooks.write(RULES.resolve("commissions.xlsx"),
                List.of("플랫폼", "사이트", "카테고리 번호", "수수료율", "적용 시작일"),
                Arrays.asList("SMARTSTORE", null, null, "10%", LocalDate.of(2026, 1, 1))).toString()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(importShippingFeeRulesJob, "file", TestWorkbooks.write(RULES.resolve("shipping.xlsx"),
                List.of("플랫폼", "사이트", "배송비 수수료율", "적용 시작일"),
                Arrays.asList("SMARTSTORE", null, 0.03, "2026-01-01"),
                Arrays.asList("SMARTSTORE", null, 0.05, "2026-10-16")).toString()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        // only the collect of the month's last day: Naver lists a product order at its latest change, so the returns
        // and confirmations of November reach October's draft through settlementJob's refresh, which follows the
        // feed up to yesterday
        assertThat(collect("2026-10-31").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(run(settlementJob, "period", PERIOD).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (SmartStoreSeller seller : world.sandbox.smartStore().sellers()) {
            Map<String, Object> truth = seller.groundTruth();
            String id = seller.sellerId();
            assertThat(periodLines(truth)).as("October of %s has sold, returned and cancelled product orders", id)
                    .extracting(l -> l.get("productOrderStatus")).contains("PURCHASE_DECIDED", "RETURNED", "CANCELED");
            Snapshot draft = settlements.draft(ids.get(id), PERIOD).orElseThrow();
            Expected expected = expected(truth, true);
            assertThat(draft.version()).isEqualTo(1);
            assertThat(draft.platform()).isEqualTo("SMARTSTORE");
            assertThat(SettlementRows.lines(jdbc, draft.id())).as("lines of %s", id).isNotEmpty().isEqualTo(expected.lines());
            assertThat(SettlementRows.totals(draft)).as("totals of %s", id).isEqualTo(expected.totals());
            assertThat(draft.confirmedBy()).isNull();
            Expected byRule = expected(truth, false);
            assertThat(expected.totals().get(2)).as("Naver's commissions of %s are not what the 10%% rule gives", id)
                    .isNotEqualTo(byRule.totals().get(2));
            assertThat(SettlementRows.lines(jdbc, draft.id())).as("lines of %s settled with the rule instead", id).isNotEqualTo(byRule.lines());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE status <> 'DRAFT'", Integer.class)).isZero();
    }

    /** The settlement computed independently from the platform's own data and the rules the test imported. */
    record Expected(List<String> lines, List<String> totals) {
    }

    /**
     * Each product order of an order placed in the period (Seoul time) that is sold — delivered, purchase-decided or
     * exchanged, with no claim open — or returned; {@code naver}: the commission is the sum of what Naver reports,
     * else the imported 10 % of what the buyer paid.
     */
    private static Expected expected(Map<String, Object> truth, boolean naver) {
        Map<String, List<Map<String, Object>>> byOrder = new TreeMap<>();
        for (Map<String, Object> line : list(truth, "productOrders")) {
            byOrder.computeIfAbsent((String) line.get("orderId"), o -> new ArrayList<>()).add(line);
        }
        List<String> lines = new ArrayList<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (List<Map<String, Object>> order : byOrder.values()) {
            LocalDate day = orderDay(order.get(0));
            if (!day.toString().startsWith(PERIOD)) {
                continue;
            }
            // production rule: the order's whole delivery fee less the mall's share goes to its sold line of smallest id
            String firstSold = order.stream().filter(SmartStoreSettlementTest::sold)
                    .map(l -> (String) l.get("productOrderId")).sorted().findFirst().orElse(null);
            long fee = order.stream().mapToLong(l -> number(l, "deliveryFeeAmount")).sum();
            BigDecimal share = day.isBefore(LocalDate.of(2026, 10, 16)) ? new BigDecimal("0.03") : new BigDecimal("0.05");
            for (Map<String, Object> line : order) {
                boolean returned = "RETURNED".equals(line.get("productOrderStatus"));
                if (!sold(line) && !returned) {
                    continue;
                }
                BigDecimal paid = BigDecimal.valueOf(number(line, "totalPaymentAmount"));
                BigDecimal discount = BigDecimal.valueOf(number(line, "productDiscountAmount"));
                BigDecimal gross = paid.add(discount);
                BigDecimal commission = BigDecimal.ZERO;
                BigDecimal shipping = BigDecimal.ZERO;
                BigDecimal refund = BigDecimal.ZERO;
                if (returned) {
                    refund = paid.negate();
                } else {
                    commission = naver
                            ? BigDecimal.valueOf(NAVER_COMMISSIONS.stream().mapToLong(f -> number(line, f)).sum())
                            : paid.multiply(RULE_RATE).setScale(0, RoundingMode.HALF_UP);
                    if (line.get("productOrderId").equals(firstSold)) {
                        BigDecimal whole = BigDecimal.valueOf(fee);
                        shipping = whole.subtract(whole.multiply(share).setScale(0, RoundingMode.HALF_UP));
                    }
                }
                BigDecimal net = paid.subtract(commission).add(shipping).add(refund);
                BigDecimal[] values = {gross, discount, commission, shipping, refund, net};
                for (int v = 0; v < values.length; v++) {
                    sums[v] = sums[v].add(values[v]);
                }
                lines.add(line.get("productOrderId") + "|" + plain(gross) + "|" + plain(discount) + "|" + plain(commission)
                        + "|" + plain(shipping) + "|" + plain(refund) + "|" + plain(net));
            }
        }
        List<String> totals = List.of(plain(sums[0]), plain(sums[1]), plain(sums[2]), plain(sums[3]), plain(sums[4]),
                plain(BigDecimal.ZERO), plain(sums[5]), String.valueOf(lines.size()));
        return new Expected(lines.stream().sorted().toList(), totals);
    }

    /** Delivered, purchase-decided or exchanged, and no cancel, return or exchange still open on it. */
    private static boolean sold(Map<String, Object> line) {
        Object claim = line.get("claimStatus");
        return SOLD.contains(line.get("productOrderStatus")) && (claim == null || !OPEN_CLAIMS.contains(claim));
    }

    private static List<Map<String, Object>> periodLines(Map<String, Object> truth) {
        return list(truth, "productOrders").stream().filter(l -> orderDay(l).toString().startsWith(PERIOD)).toList();
    }

    private static LocalDate orderDay(Map<String, Object> line) {
        return OffsetDateTime.parse((String) line.get("orderDate")).atZoneSameInstant(SEOUL).toLocalDate();
    }

    private JobExecution collect(String businessDate) throws Exception {
        return run(collectJob, "businessDate", businessDate);
    }

    private JobExecution run(Job job, String parameter, String value) throws Exception {
        return jobOperator.start(job, new JobParametersBuilder().addString(parameter, value)
                .addLong("run.id", runs++).toJobParameters());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static long number(Map<String, Object> m, String field) {
        Object value = m.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
