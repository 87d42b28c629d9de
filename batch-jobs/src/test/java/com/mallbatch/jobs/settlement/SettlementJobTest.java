package com.mallbatch.jobs.settlement;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcSettlements;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.FileInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * settlementJob over a month collected from three sandbox Cafe24 malls, checked against a settlement computed here,
 * independently, from the sandbox's ground truth.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.order-lookback-days=30",
        "mallbatch.settlement.chunk-size=100"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementJobTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(60, 3, 12, 45), "settle");
    static final String PERIOD = "2026-10";
    static final Path EXPORTS = tempDir();
    static final Set<String> SOLD = Set.of("N40", "N50", "E40");
    private static int runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
        registry.add("mallbatch.settlement.export-dir", EXPORTS::toString);
        registry.add("mallbatch.erp.base-url", world.sandbox::erpBaseUrl);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    Job settlementJob;
    @Autowired
    Job verifySettlementJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcSettlements settlements;
    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Long> ids;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    @Order(1)
    void aMonthSettlesToTheNumbersComputedIndependentlyFromTheGroundTruth() throws Exception {
        ids = world.registerAccounts(accounts);
        jdbc.update("INSERT INTO commission_rules (platform, category_no, rate, effective_from) VALUES "
                + "('CAFE24', NULL, 0.1000, '2026-01-01'), ('CAFE24', '24', 0.0800, '2026-10-15')");
        jdbc.update("INSERT INTO shipping_fee_rules (platform, rate, effective_from) VALUES ('CAFE24', 0.0300, '2026-01-01')");
        jdbc.update("INSERT INTO extra_costs (account_id, period, cost_type, description, amount, source) VALUES "
                + "(?, '2026-10', '광고비', '10월 검색광고', 50000.00, 'test')", ids.get("sandbox01"));
        assertThat(jobOperator.start(collectJob, new JobParametersBuilder().addString("businessDate", "2026-10-31")
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution settled = settle();
        assertThat(settled.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long accountId = ids.get(mall.mallId());
            Expected expected = expected(mall.groundTruth(), accountId == ids.get("sandbox01") ? 50_000 : 0,
                    new BigDecimal("0.1000"));
            JdbcSettlements.Snapshot snapshot = standing(accountId);
            assertThat(snapshot.status()).isEqualTo("CONFIRMED");
            assertThat(snapshot.version()).isEqualTo(1);
            assertThat(lines(snapshot.id())).as("lines of %s", mall.mallId()).isEqualTo(expected.lines());
            assertThat(totals(snapshot)).as("totals of %s", mall.mallId()).isEqualTo(expected.totals());
            assertThat(snapshot.contentSha256()).hasSize(64).isEqualTo(settlements.contentHash(snapshot.id()));
        }
    }

    @Test
    @Order(2)
    void theDatabaseRefusesToChangeOrDeleteAConfirmedSnapshot() {
        long id = standing(ids.get("sandbox01")).id();

        assertThatThrownBy(() -> jdbc.update("UPDATE settlements SET net = net + 1 WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("confirmed and immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlements WHERE id = ?", id))
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlement_lines SET net = 0 WHERE settlement_id = ?", id))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlement_lines WHERE settlement_id = ?", id))
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO settlement_lines SELECT settlement_id, CONCAT(line_id, '-x'), "
                + "order_id, ordered_at, product_no, platform_status, gross, seller_discount, commission, shipping, refund, "
                + "net FROM settlement_lines WHERE settlement_id = ? LIMIT 1", id)).hasMessageContaining("cannot be added");
    }

    @Test
    @Order(3)
    void verifyCatchesTamperingDoneByAUserWhoCanBypassTheTriggers() throws Exception {
        assertThat(settlements.verify(PERIOD)).isEmpty();
        long id = standing(ids.get("sandbox02")).id();
        String line = jdbc.queryForObject("SELECT MIN(line_id) FROM settlement_lines WHERE settlement_id = ?", String.class, id);

        privileged("UPDATE settlement_lines SET net = net + 1000 WHERE settlement_id = " + id + " AND line_id = '" + line + "'");

        assertThat(settlements.verify(PERIOD)).singleElement().asString().contains("settlement " + id)
                .contains("sandbox02").contains("was altered");
        JobExecution verification = jobOperator.start(verifySettlementJob,
                new JobParametersBuilder().addString("period", PERIOD).addLong("run", (long) runs++).toJobParameters());
        assertThat(verification.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(verification.getAllFailureExceptions().get(0)).hasMessageContaining("Tampered settlements");

        privileged("UPDATE settlement_lines SET net = net - 1000 WHERE settlement_id = " + id + " AND line_id = '" + line + "'");
        assertThat(settlements.verify(PERIOD)).isEmpty();
    }

    @Test
    @Order(4)
    void aCorrectionMakesVersionTwoAndKeepsVersionOneReadableWhileAnUnchangedRerunMakesNothing() throws Exception {
        long v1 = standing(ids.get("sandbox03")).id();
        int linesOfV1 = jdbc.queryForObject("SELECT COUNT(*) FROM settlement_lines WHERE settlement_id = ?", Integer.class, v1);
        int snapshotsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM settlements", Integer.class);

        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements", Integer.class)).as("nothing changed, no version")
                .isEqualTo(snapshotsBefore);

        jdbc.update("INSERT INTO commission_rules (platform, category_no, rate, effective_from) VALUES ('CAFE24', NULL, 0.1100, '2026-10-20')");
        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JdbcSettlements.Snapshot v2 = standing(ids.get("sandbox03"));
        assertThat(v2.version()).isEqualTo(2);
        JdbcSettlements.Snapshot old = settlements.snapshot(v1);
        assertThat(old.status()).isEqualTo("SUPERSEDED");
        assertThat(jdbc.queryForObject("SELECT superseded_by FROM settlements WHERE id = ?", Long.class, v1)).isEqualTo(v2.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_lines WHERE settlement_id = ?", Integer.class, v1))
                .as("version 1 stays readable").isEqualTo(linesOfV1);
        assertThat(settlements.differences(v2.id())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("field")).isIn("commission", "net"));
        assertThat(settlements.verify(PERIOD)).isEmpty();
        assertThatThrownBy(() -> jdbc.update("UPDATE settlements SET status = 'CONFIRMED' WHERE id = ?", v1))
                .hasMessageContaining("immutable");
    }

    @Test
    @Order(5)
    void theWorkbookHoldsRealNumbersInWonWithTotalsThatEvaluateToTheSnapshot() throws Exception {
        JobExecution run = settle();
        Path file = Path.of(run.getExecutionContext().getString("settlement.workbook"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new FileInputStream(file.toFile()))) {
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Sheet summary = workbook.getSheet("요약");
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) summary).getCTWorksheet().isSetAutoFilter()).isTrue();
            List<JdbcSettlements.Snapshot> standing = ids.values().stream().map(this::standing).toList();
            Row totals = summary.getRow(standing.size() + 1);
            BigDecimal net = standing.stream().map(s -> s.net().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            Cell netTotal = totals.getCell(8);
            assertThat(netTotal.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(BigDecimal.valueOf(evaluator.evaluate(netTotal).getNumberValue()).setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(net);
            assertThat(BigDecimal.valueOf(netTotal.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP))
                    .as("the cached result a viewer shows without recalculating").isEqualByComparingTo(net);
            Cell firstNet = summary.getRow(1).getCell(8);
            assertThat(firstNet.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(firstNet.getCellStyle().getDataFormatString()).contains("원");
            for (JdbcSettlements.Snapshot s : standing) {
                Sheet detail = workbook.getSheetAt(workbook.getSheetIndex(s.accountLabel().replace('/', ' ') + " v" + s.version()));
                assertThat(detail.getLastRowNum()).as("header, lines, totals").isEqualTo(s.lineCount() + 1);
                Cell lineNet = detail.getRow(s.lineCount() + 1).getCell(10);
                assertThat(BigDecimal.valueOf(evaluator.evaluate(lineNet).getNumberValue()).setScale(2, RoundingMode.HALF_UP))
                        .isEqualByComparingTo(s.net().amount().add(s.extraCosts().amount()));
                assertThat(detail.getRow(1).getCell(0).getStringCellValue()).matches("\\d{8}-\\d{7}-\\d{2}");
            }
            Sheet meta = workbook.getSheet("스냅샷");
            assertThat(meta.getRow(1).getCell(5).getStringCellValue()).hasSize(64);
            assertThat(meta.getRow(1).getCell(1).getStringCellValue()).contains("acme/CAFE24/sandbox");
        }
    }

    @Test
    @Order(6)
    void theErpHoldsExactlyOneDocumentPerSnapshotVersionAfterAFailureAndALostAnswer() throws Exception {
        jdbc.update("INSERT INTO commission_rules (platform, category_no, rate, effective_from) VALUES ('CAFE24', NULL, 0.1200, '2026-10-25')");
        world.sandbox.erp().failNext(1);          // the ERP is down for one call
        world.sandbox.erp().dropNextAnswers(1);   // then stores a document but the answer never arrives

        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<Map<String, Object>> documents = world.sandbox.erp().documents();
        List<Map<String, Object>> postings = jdbc.queryForList("SELECT p.*, s.version FROM erp_postings p "
                + "JOIN settlements s ON s.id = p.settlement_id ORDER BY p.settlement_id");
        assertThat(postings).hasSizeGreaterThanOrEqualTo(6).allSatisfy(p -> assertThat(p.get("status")).isEqualTo("ACKED"));
        assertThat(documents).as("one document per confirmed version, none twice").hasSize(postings.size());
        assertThat(documents).extracting(d -> d.get("idempotencyKey")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(postings.stream().map(p -> p.get("idempotency_key")).toList());
        for (Map<String, Object> p : postings) {
            assertThat(documents).filteredOn(d -> d.get("idempotencyKey").equals(p.get("idempotency_key")))
                    .singleElement().satisfies(d -> assertThat(d.get("documentNo")).isEqualTo(p.get("document_no")));
        }
        assertThat(world.sandbox.erp().pendingFaults()).as("the outage and the lost answer both happened").isZero();
    }

    @Test
    @Order(7)
    void anUnbalancedDocumentIsRefusedWithAClearErrorAndNothingIsStored() {
        var gateway = new com.mallbatch.writers.erp.HttpErpGateway(world.sandbox.erpBaseUrl(), java.time.Duration.ofSeconds(5), 0,
                java.time.Duration.ofMillis(10));
        var unbalanced = new com.mallbatch.domain.settlement.BillingDocument(LocalDate.of(2026, 10, 31), "1000", "test",
                "KRW", "BROKEN-1", List.of(
                new com.mallbatch.domain.settlement.BillingDocument.Line("110300",
                        com.mallbatch.domain.settlement.BillingDocument.Side.DEBIT, com.mallbatch.domain.Money.of(1000), "debit"),
                new com.mallbatch.domain.settlement.BillingDocument.Line("411000",
                        com.mallbatch.domain.settlement.BillingDocument.Side.CREDIT, com.mallbatch.domain.Money.of(900), "credit")));
        int stored = world.sandbox.erp().documents().size();

        assertThatThrownBy(() -> gateway.post(unbalanced, "broken-1"))
                .isInstanceOf(com.mallbatch.domain.port.ErpGateway.RejectedException.class)
                .hasMessageContaining("HTTP 422").hasMessageContaining("UNBALANCED")
                .hasMessageContaining("debits 1000.00 do not equal credits 900.00 in document BROKEN-1");
        assertThat(world.sandbox.erp().documents()).hasSize(stored);
    }

    /** The settlement computed independently from the platform's own data and the rules the test set. */
    record Expected(List<String> lines, List<String> totals) {
    }

    private Expected expected(Map<String, Object> truth, long extraCosts, BigDecimal defaultRate) {
        Map<String, Set<String>> categoriesOf = new TreeMap<>();
        for (Map<String, Object> p : list(truth, "products")) {
            categoriesOf.put(String.valueOf(p.get("product_no")), new java.util.HashSet<>(list(p, "category").stream()
                    .map(c -> String.valueOf(c.get("category_no"))).toList()));
        }
        List<String> lines = new ArrayList<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Map<String, Object> order : list(truth, "orders")) {
            OffsetDateTime orderedAt = OffsetDateTime.parse((String) order.get("order_date"));
            if (!orderedAt.toLocalDate().toString().startsWith(PERIOD)) {
                continue;
            }
            String firstSold = list(order, "items").stream().filter(i -> SOLD.contains(i.get("order_status")))
                    .map(i -> (String) i.get("order_item_code")).sorted().findFirst().orElse(null);
            BigDecimal fee = new BigDecimal((String) ((Map<?, ?>) order.get("actual_order_amount")).get("shipping_fee"));
            for (Map<String, Object> item : list(order, "items")) {
                String status = (String) item.get("order_status");
                if (!SOLD.contains(status) && !status.equals("R40")) {
                    continue;
                }
                BigDecimal gross = dec(item, "product_price").add(dec(item, "option_price"))
                        .multiply(BigDecimal.valueOf((Integer) item.get("quantity")));
                BigDecimal discount = dec(item, "additional_discount_price").add(dec(item, "coupon_discount_price"));
                BigDecimal commission = BigDecimal.ZERO;
                BigDecimal shipping = BigDecimal.ZERO;
                BigDecimal refund = BigDecimal.ZERO;
                if (status.equals("R40")) {
                    refund = discount.subtract(gross);
                } else {
                    LocalDate day = orderedAt.toLocalDate();
                    // the product shows in category 24 (itself, or as the parent of its sub category)
                    boolean tops = categoriesOf.get(String.valueOf(item.get("product_no"))).contains("24");
                    BigDecimal rate = tops && !day.isBefore(LocalDate.of(2026, 10, 15)) ? new BigDecimal("0.0800") : defaultRate;
                    commission = gross.subtract(discount).multiply(rate).setScale(0, RoundingMode.HALF_UP);
                    if (item.get("order_item_code").equals(firstSold)) {
                        shipping = fee.subtract(fee.multiply(new BigDecimal("0.03")).setScale(0, RoundingMode.HALF_UP));
                    }
                }
                BigDecimal net = gross.subtract(discount).subtract(commission).add(shipping).add(refund);
                BigDecimal[] values = {gross, discount, commission, shipping, refund, net};
                for (int v = 0; v < values.length; v++) {
                    sums[v] = sums[v].add(values[v]);
                }
                lines.add(item.get("order_item_code") + "|" + plain(gross) + "|" + plain(discount) + "|" + plain(commission)
                        + "|" + plain(shipping) + "|" + plain(refund) + "|" + plain(net));
            }
        }
        BigDecimal extra = BigDecimal.valueOf(extraCosts);
        List<String> totals = List.of(plain(sums[0]), plain(sums[1]), plain(sums[2]), plain(sums[3]), plain(sums[4]),
                plain(extra), plain(sums[5].subtract(extra)), String.valueOf(lines.size()));
        return new Expected(lines.stream().sorted().toList(), totals);
    }

    private List<String> lines(long settlementId) {
        return jdbc.queryForList("SELECT CONCAT_WS('|', line_id, gross, seller_discount, commission, shipping, refund, net) "
                + "FROM settlement_lines WHERE settlement_id = ? ORDER BY line_id", String.class, settlementId);
    }

    private static List<String> totals(JdbcSettlements.Snapshot s) {
        return List.of(s.gross().toString(), s.sellerDiscount().toString(), s.commission().toString(), s.shipping().toString(),
                s.refund().toString(), s.extraCosts().toString(), s.net().toString(), String.valueOf(s.lineCount()));
    }

    private JdbcSettlements.Snapshot standing(long accountId) {
        return settlements.snapshots(PERIOD).stream().filter(s -> s.accountId() == accountId && s.status().equals("CONFIRMED"))
                .findFirst().orElseThrow();
    }

    private JobExecution settle() throws Exception {
        return jobOperator.start(settlementJob, new JobParametersBuilder().addString("period", PERIOD)
                .addLong("run.id", (long) runs++).toJobParameters());
    }

    /** What a user with DROP TRIGGER rights can do: disable the guard, change a row, put the guard back. */
    private void privileged(String update) {
        String trigger = "settlement_lines_frozen_on_update";
        String ddl = (String) jdbc.queryForMap("SHOW CREATE TRIGGER " + trigger).get("SQL Original Statement");
        jdbc.execute("DROP TRIGGER " + trigger);
        try {
            jdbc.execute(update);
        } finally {
            jdbc.execute(ddl);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static BigDecimal dec(Map<String, Object> item, String key) {
        return new BigDecimal((String) item.get(key));
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mallbatch-exports");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
