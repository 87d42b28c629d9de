package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.TestWorkbooks;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.erp.ErpServer;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A month of three sandbox Cafe24 malls settled as finance and an auditor would have it, the application connected as
 * the least-privileged user the README documents: drafts checked against a settlement computed here, independently,
 * from the sandbox's ground truth; a person confirms; corrections reverse in the ERP; late returns come back as
 * corrections; and verify names every kind of tampering a more privileged user could do.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.order-lookback-days=30",
        "mallbatch.settlement.chunk-size=100"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementJobTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(60, 3, 12, 45), "settle");
    static final String PERIOD = "2026-10";
    static final Path EXPORTS = tempDir("mallbatch-exports");
    static final Path RULES = tempDir("mallbatch-rules");
    static final Set<String> SOLD = Set.of("N40", "N50", "E40");
    static final List<String> COMMISSION_HEADER = List.of("플랫폼", "사이트", "카테고리 번호", "수수료율", "적용 시작일");
    private static int runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.registerAsApplicationUser(registry);
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
    Job importCommissionRulesJob;
    @Autowired
    Job importShippingFeeRulesJob;
    @Autowired
    Job importExtraCostsJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcSettlements settlements;
    @Autowired
    SettlementConfirmation confirmation;
    @Autowired
    ErpSync erpSync;
    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Long> ids;
    static final JdbcTemplate owner = world.ownerJdbc();

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    @Order(1)
    void aMonthSettlesIntoDraftsEqualToTheNumbersComputedIndependentlyAndNobodyHasConfirmedThem() throws Exception {
        ids = world.registerAccounts(accounts);
        importRules(Arrays.asList("CAFE24", null, null, "10%", LocalDate.of(2026, 1, 1)),
                Arrays.asList("CAFE24", null, "24", "8%", LocalDate.of(2026, 10, 15)));
        assertThat(run(importShippingFeeRulesJob, "file", TestWorkbooks.write(RULES.resolve("shipping.xlsx"),
                List.of("플랫폼", "사이트", "배송비 수수료율", "적용 시작일"), Arrays.asList("CAFE24", null, 0.03, "2026-01-01"))
                .toString()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(importExtraCostsJob, "file", TestWorkbooks.write(RULES.resolve("costs.xlsx"),
                List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", LocalDate.of(2026, 10, 1), "광고비", "10월 검색광고", 50000)).toString()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(jobOperator.start(collectJob, new JobParametersBuilder().addString("businessDate", "2026-10-31")
                .toJobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            Snapshot draft = settlements.draft(ids.get(mall.mallId()), PERIOD).orElseThrow();
            Expected expected = expected(mall.groundTruth(), mall.mallId().equals("sandbox01") ? 50_000 : 0);
            assertThat(draft.version()).isEqualTo(1);
            assertThat(SettlementRows.lines(jdbc, draft.id())).as("lines of %s", mall.mallId()).isEqualTo(expected.lines());
            assertThat(SettlementRows.totals(draft)).as("totals of %s", mall.mallId()).isEqualTo(expected.totals());
            assertThat(draft.confirmedBy()).isNull();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE status <> 'DRAFT'", Integer.class)).isZero();
        assertThat(exports()).as("a draft has no workbook").isEmpty();
        assertThat(world.sandbox.erp().documents()).as("nor an ERP document").isEmpty();
    }

    @Test
    @Order(2)
    void aPersonConfirmsEachDraftAndTheErpReceivableThenEqualsItsNet() {
        for (String mall : List.of("sandbox01", "sandbox02", "sandbox03")) {
            SettlementConfirmation.Result result = confirm(mall, "10월 마감 검토 완료");

            Snapshot v1 = result.standing();
            assertThat(result.changed()).isTrue();
            assertThat(result.erpFailures()).isEmpty();
            assertThat(v1.status()).isEqualTo("CONFIRMED");
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.confirmedBy()).isEqualTo("kim");
            assertThat(v1.comment()).isEqualTo("10월 마감 검토 완료");
            assertThat(v1.confirmedAt()).isNotNull();
            assertThat(v1.contentSha256()).hasSize(64).isEqualTo(settlements.contentHash(v1.id()));
            assertThat(settlements.chainLink(v1.id())).hasSize(64);
            assertThat(result.workbook().getFileName()).hasToString("settlement-2026-10-acme-" + mall + "-v1.xlsx");
            assertThat(erpBalance(v1)).as("receivable of %s", mall).isEqualByComparingTo(v1.net().amount());
        }
        assertThatThrownBy(() -> confirm("sandbox01", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme/CAFE24/sandbox01 2026-10: v1 stands and no draft differs from it");
        assertThat(settlements.verify(PERIOD)).isEmpty();
    }

    @Test
    @Order(3)
    void theDatabaseGuardsTheEvidenceAndTheApplicationUserCannotRemoveTheGuards() {
        Snapshot v1 = standing("sandbox01");
        long id = v1.id();

        assertThatThrownBy(() -> jdbc.update("UPDATE settlements SET net = net + 1 WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("confirmed and immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlements WHERE id = ?", id))
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlement_lines SET net = 0 WHERE settlement_id = ?", id))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlement_lines WHERE settlement_id = ?", id))
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO settlement_lines (settlement_id, line_id, order_id, ordered_at, "
                + "product_no, platform_status, gross, seller_discount, commission, shipping, refund, net) SELECT "
                + "settlement_id, CONCAT(line_id, '-x'), order_id, ordered_at, product_no, platform_status, gross, "
                + "seller_discount, commission, shipping, refund, net FROM settlement_lines WHERE settlement_id = ? LIMIT 1", id))
                .hasMessageContaining("cannot be added");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlement_extra_costs SET amount = 0 WHERE settlement_id = ?", id))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlement_chain SET link = previous_link")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlement_chain")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE erp_postings SET status = 'PENDING'")).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM erp_postings")).hasMessageContaining("kept");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlements SET status = 'SUPERSEDED', superseded_by = 999999 WHERE id = ?", id))
                .as("re-pointed at a snapshot that does not exist")
                .hasMessageContaining("superseded only by a newer confirmed version");
        assertThatThrownBy(() -> jdbc.update("UPDATE settlements SET status = 'SUPERSEDED', superseded_by = ? WHERE id = ?",
                standing("sandbox02").id(), id)).as("re-pointed at another account's snapshot")
                .hasMessageContaining("superseded only by a newer confirmed version");

        for (String ddl : List.of("TRUNCATE TABLE settlements", "TRUNCATE TABLE settlement_chain",
                "DROP TRIGGER settlement_lines_frozen_on_update", "DROP TABLE erp_postings",
                "ALTER TABLE settlement_lines ADD COLUMN note VARCHAR(10)",
                "CREATE TRIGGER sneaky BEFORE UPDATE ON settlements FOR EACH ROW SET NEW.net = OLD.net")) {
            assertThatThrownBy(() -> jdbc.execute(ddl)).as(ddl).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("command denied to user");
        }
        assertThat(settlements.verify(PERIOD)).isEmpty();
    }

    @Test
    @Order(4)
    void aCorrectionReversesTheOldDocumentBeforeBookingTheNewOneExactlyOnceAcrossALostAnswerAndAnOutage() throws Exception {
        Map<String, Snapshot> v1 = Map.of("sandbox01", standing("sandbox01"), "sandbox02", standing("sandbox02"),
                "sandbox03", standing("sandbox03"));
        importRules(Arrays.asList("CAFE24", null, null, "10%", LocalDate.of(2026, 1, 1)),
                Arrays.asList("CAFE24", null, "24", "8%", LocalDate.of(2026, 10, 15)),
                Arrays.asList("CAFE24", null, null, "11%", LocalDate.of(2026, 10, 20)));
        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long reviewed = settlements.draft(ids.get("sandbox01"), PERIOD).orElseThrow().id();
        assertThat(settle().getStatus()).as("a recompute replaces the draft someone is reviewing")
                .isEqualTo(BatchStatus.COMPLETED);
        assertThatThrownBy(() -> confirmation.confirm(accounts.byId(ids.get("sandbox01")), PERIOD, reviewed, "kim", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a recompute replaced the draft");
        assertThat(standing("sandbox01").id()).as("nothing confirmed").isEqualTo(v1.get("sandbox01").id());

        world.sandbox.erp().dropNextAnswers(1); // the reversal of v1 is booked, but its answer never arrives
        SettlementConfirmation.Result corrected = confirm("sandbox03", "11% 수수료 반영");
        Snapshot v2 = corrected.standing();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(corrected.superseded().id()).isEqualTo(v1.get("sandbox03").id());
        assertThat(corrected.erpFailures()).isEmpty();
        assertThat(world.sandbox.erp().pendingFaults()).as("the answer was lost").isZero();
        assertThat(erpBalance(v2)).as("the ERP counts the month once, as v2").isEqualByComparingTo(v2.net().amount());
        assertThat(v2.net().amount()).isNotEqualByComparingTo(v1.get("sandbox03").net().amount());
        assertReversedOnce(v1.get("sandbox03"));

        world.sandbox.erp().failNext(100); // the ERP is down while sandbox02's correction is confirmed
        SettlementConfirmation.Result unposted = confirm("sandbox02", null);
        assertThat(unposted.erpFailures()).singleElement().asString().contains("REVERSAL");
        assertThat(erpBalance(unposted.standing())).as("still v1 alone: nothing half-posted")
                .isEqualByComparingTo(v1.get("sandbox02").net().amount());
        world.sandbox.erp().failNext(0);
        assertThat(erpSync.syncPeriod(PERIOD)).as("post-settlements, once the ERP is back").isEmpty();
        assertThat(erpSync.syncPeriod(PERIOD)).as("and again: nothing left to post").isEmpty();
        assertThat(erpBalance(unposted.standing())).isEqualByComparingTo(unposted.standing().net().amount());
        assertReversedOnce(v1.get("sandbox02"));

        Snapshot sandbox01 = confirm("sandbox01", null).standing();
        assertThat(erpBalance(sandbox01)).isEqualByComparingTo(sandbox01.net().amount());
        List<Map<String, Object>> documents = world.sandbox.erp().documents();
        assertThat(documents).as("3 v1 documents, 3 reversals, 3 v2 documents").hasSize(9)
                .extracting(d -> d.get("idempotencyKey")).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT status FROM erp_postings", String.class)).hasSize(9).containsOnly("ACKED");

        assertThat(settlements.differences(v2.id())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("field")).isIn("commission", "net"));
        assertThatThrownBy(() -> jdbc.update("UPDATE settlement_differences SET new_value = 0")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM settlement_differences")).hasMessageContaining("append-only");
        assertThat(settlements.verify(PERIOD)).isEmpty();
    }

    @Test
    @Order(5)
    void theWorkbookIsOneFinanceUsesWithoutFixingAndASupersededOneSaysSoOnEverySheet() throws Exception {
        Snapshot v2 = standing("sandbox01");
        try (SettlementWorkbookFile workbook = SettlementWorkbookFile.open(EXPORTS.resolve("settlement-2026-10-acme-sandbox01-v2.xlsx"))) {
            assertThat(workbook.sheetNames()).containsExactly("요약", "상세", "변경내역", "스냅샷");
            workbook.everySheet(sheet -> {
                assertThat(workbook.title(sheet)).contains("acme/CAFE24/sandbox01 2026-10 v2").doesNotContain("대체됨");
                assertThat(sheet.getPrintSetup().getLandscape()).as("landscape").isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as("one page wide").isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as("as many pages long as it takes").isZero();
                assertThat(sheet.getRepeatingRows().formatAsString()).as("title and header on every page").isEqualTo("1:2");
            });
            assertThat(workbook.header("상세")).containsSubsequence("상품명", "옵션", "수량", "단가", "상태", "총매출",
                    "판매자 할인", "쿠폰", "수수료", "배송비", "환불", "추가비용", "정산금액");

            Map<String, BigDecimal> detail = workbook.totals("상세");
            Map<String, BigDecimal> summary = workbook.summary();
            assertThat(summary.get("정산금액")).isEqualByComparingTo(v2.net().amount());
            assertThat(detail.get("정산금액")).as("detail net = summary net = snapshot net").isEqualByComparingTo(v2.net().amount());
            assertThat(detail.get("추가비용")).isEqualByComparingTo(summary.get("추가비용")).isEqualByComparingTo("50000");
            assertThat(detail.get("판매자 할인").add(detail.get("쿠폰"))).isEqualByComparingTo(summary.get("판매자 할인·쿠폰"));
            for (String amount : List.of("총매출", "수수료", "배송비", "환불")) {
                assertThat(detail.get(amount)).as(amount).isEqualByComparingTo(summary.get(amount));
            }
            assertThat(workbook.rowsWith("상세", "추가비용")).singleElement().satisfies(row -> {
                assertThat(row.get("상품명")).isEqualTo("광고비 — 10월 검색광고");
                assertThat(row.get("추가비용")).isEqualTo("50000");
                assertThat(row.get("정산금액")).isEqualTo("-50000");
            });
            assertThat(workbook.column("상세", "상태")).filteredOn(s -> !s.equals("추가비용"))
                    .allMatch(s -> s.matches("(배송완료|구매확정|교환완료|반품완료) \\([A-Z]\\d{2}\\)"), "a Korean label, the mall's code beside it");
            assertThat(workbook.column("변경내역", "항목")).isNotEmpty().containsOnly("수수료", "정산금액");
            assertThat(workbook.column("스냅샷", "값")).contains(v2.contentSha256(), settlements.chainLink(v2.id()), "kim");
        }
        try (SettlementWorkbookFile workbook = SettlementWorkbookFile.open(EXPORTS.resolve("settlement-2026-10-acme-sandbox01-v1.xlsx"))) {
            workbook.everySheet(sheet -> assertThat(workbook.title(sheet)).contains("v1").contains("대체됨").contains("v2"));
        }
        assertThat(exports()).allMatch(name -> name.matches("settlement-2026-10-acme-sandbox0[1-3]-v[12]\\.xlsx"))
                .hasSize(6);
    }

    @Test
    @Order(6)
    void anUnchangedRerunMakesNoVersionAndWritesNoFile() throws Exception {
        int snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM settlements", Integer.class);
        Map<String, Long> files = modified();

        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements", Integer.class)).isEqualTo(snapshots);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE status = 'DRAFT'", Integer.class)).isZero();
        assertThat(modified()).isEqualTo(files);
    }

    @Test
    @Order(7)
    void aReturnRecordedAfterTheMonthWasConfirmedComesBackAsACorrectionTheNextTimeThePeriodRuns() throws Exception {
        Cafe24Mall mall = world.sandbox.cafe24().mall("sandbox01");
        Map<String, Object> item = soldItemOf(mall.groundTruth());
        String code = (String) item.get("order_item_code");
        Snapshot v2 = standing("sandbox01");
        mall.returnItem(code, SandboxWorld.BUSINESS_DATE.atTime(10, 0), SandboxWorld.BUSINESS_DATE.atTime(16, 30));

        assertThat(settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Snapshot v3 = confirm("sandbox01", "11월 반품 반영").standing();

        assertThat(v3.version()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', status, platform_status, refund < 0) FROM settlement_lines "
                + "WHERE settlement_id = ? AND line_id = ?", String.class, v3.id(), code)).isEqualTo("RETURNED|R40|1");
        assertThat(v3.net().amount()).isLessThan(v2.net().amount());
        assertThat(erpBalance(v3)).isEqualByComparingTo(v3.net().amount());
        assertThat(settlements.verify(PERIOD)).isEmpty();
    }

    @Test
    @Order(8)
    void verifyNamesAnAlteredARepointedAndATruncatedSnapshotAndAnEmptiedChain() throws Exception {
        assertThat(verify().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Snapshot altered = standing("sandbox02");
        Snapshot repointed = settlements.snapshots(PERIOD).stream().filter(s -> s.accountId() == ids.get("sandbox03")
                && s.version() == 1).findFirst().orElseThrow();

        withoutTrigger("settlement_lines_frozen_on_update", "UPDATE settlement_lines SET net = net + 1000 WHERE settlement_id = "
                + altered.id() + " ORDER BY line_id LIMIT 1");
        withoutTrigger("settlements_confirmed_are_immutable", "UPDATE settlements SET superseded_by = 999999 WHERE id = "
                + repointed.id());

        JobExecution verification = verify();
        assertThat(verification.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(verification.getAllFailureExceptions().get(0).getMessage()).contains("Tampered settlements")
                .contains("settlement " + altered.id() + " (acme/CAFE24/sandbox02, 2026-10, v2) was altered")
                .contains("settlement " + repointed.id() + " (acme/CAFE24/sandbox03, 2026-10, v1) is SUPERSEDED by 999999, "
                        + "which is not a newer confirmed version of it");

        owner.execute("TRUNCATE TABLE settlement_lines");
        assertThat(settlements.verify(PERIOD)).filteredOn(p -> p.contains("was altered")).as("every frozen snapshot lost its lines")
                .hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE status <> 'DRAFT'", Integer.class));
        owner.execute("TRUNCATE TABLE settlements");
        assertThat(settlements.verify(PERIOD)).filteredOn(p -> p.contains("is in the chain but missing")).hasSize(7);
        owner.execute("TRUNCATE TABLE settlement_chain");
        assertThat(settlements.verify(PERIOD)).anySatisfy(p -> assertThat(p).contains("the settlement chain is empty while "
                + "the ERP holds 11 posting(s)"));
    }

    private void assertReversedOnce(Snapshot superseded) {
        String document = jdbc.queryForObject("SELECT document_no FROM erp_postings WHERE settlement_id = ? AND kind = 'DOCUMENT'",
                String.class, superseded.id());
        assertThat(world.sandbox.erp().documents()).filteredOn(d -> document.equals(((Map<?, ?>) d.get("document")).get("reverses")))
                .as("one reversal of v%s's document %s", superseded.version(), document).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT reverses_document_no FROM erp_postings WHERE settlement_id = ? AND kind = 'REVERSAL'",
                String.class, superseded.id())).isEqualTo(document);
    }

    private SettlementConfirmation.Result confirm(String mall, String comment) {
        MallAccount account = accounts.byId(ids.get(mall));
        return confirmation.confirm(account, PERIOD, "kim", comment);
    }

    @SafeVarargs
    private void importRules(List<Object>... rows) throws Exception {
        Path file = TestWorkbooks.write(RULES.resolve("commissions-" + runs + ".xlsx"), COMMISSION_HEADER, rows);
        assertThat(run(importCommissionRulesJob, "file", file.toString()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private BigDecimal erpBalance(Snapshot s) {
        return world.sandbox.erp().balance(s.accountLabel(), s.period());
    }

    /** An item of the period's orders that is sold (delivered or purchase-confirmed) and can still be returned. */
    private static Map<String, Object> soldItemOf(Map<String, Object> truth) {
        return list(truth, "orders").stream().filter(o -> ((String) o.get("order_date")).startsWith(PERIOD))
                .flatMap(o -> list(o, "items").stream()).filter(i -> Set.of("N40", "N50").contains(i.get("order_status")))
                .findFirst().orElseThrow();
    }

    /** The settlement computed independently from the platform's own data and the rules the test imported. */
    record Expected(List<String> lines, List<String> totals) {
    }

    private Expected expected(Map<String, Object> truth, long extraCosts) {
        Map<String, Set<String>> categoriesOf = new TreeMap<>();
        for (Map<String, Object> p : list(truth, "products")) {
            categoriesOf.put(String.valueOf(p.get("product_no")), new HashSet<>(list(p, "category").stream()
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
                    BigDecimal rate = tops && !day.isBefore(LocalDate.of(2026, 10, 15)) ? new BigDecimal("0.08")
                            : new BigDecimal("0.10");
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

    private Snapshot standing(String mall) {
        return settlements.standing(ids.get(mall), PERIOD).orElseThrow();
    }

    private JobExecution settle() throws Exception {
        return run(settlementJob, "period", PERIOD);
    }

    private JobExecution verify() throws Exception {
        return run(verifySettlementJob, "period", PERIOD);
    }

    private JobExecution run(Job job, String parameter, String value) throws Exception {
        return jobOperator.start(job, new JobParametersBuilder().addString(parameter, value)
                .addLong("run.id", (long) runs++).toJobParameters());
    }

    /** What the schema's owner — who may drop triggers — can do behind the application's back. */
    private static void withoutTrigger(String trigger, String update) {
        String ddl = (String) owner.queryForMap("SHOW CREATE TRIGGER " + trigger).get("SQL Original Statement");
        owner.execute("DROP TRIGGER " + trigger);
        try {
            owner.execute(update);
        } finally {
            owner.execute(ddl);
        }
    }

    private static List<String> exports() throws IOException {
        try (Stream<Path> files = Files.list(EXPORTS)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, Long> modified() throws IOException {
        Map<String, Long> times = new TreeMap<>();
        for (String name : exports()) {
            times.put(name, Files.getLastModifiedTime(EXPORTS.resolve(name)).toMillis());
        }
        return times;
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

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
