package com.mallbatch.admin.settlements;

import com.mallbatch.admin.infrastructure.web.SignedInBrowser;
import com.mallbatch.admin.imports.WorkbookUploads;
import com.mallbatch.jobs.imports.WorkbookImports;
import com.mallbatch.jobs.TestWorkbooks;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settlements and uploads in the app as deployed, over HTTP, on a month the sandbox malls sold: FINANCE uploads the
 * rules, a bad extra-costs workbook comes back with each bad cell and stores nothing; the night settles October; the
 * draft is reviewed and confirmed through the web — version 1, its ERP document ACKED by the sandbox ERP, the audit
 * naming the person — and its workbook downloads as a real xlsx, also after the stored file is deleted. Then a new
 * commission rule corrects the month: the draft shows each amount before and after, and confirming it supersedes v1
 * and reverses its ERP document.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementsInTheAppTest {

    static final String PASSWORD = "finance password for the test";
    static SettledMonth month;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        month = new SettledMonth("settleweb", Map.of("park", new String[]{"FINANCE", PASSWORD}));
        jdbc = month.app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (month != null) {
            month.close();
        }
    }

    @Test
    @Order(1)
    void financeUploadsRulesConfirmsOctoberAndDownloadsItsWorkbook() throws Exception {
        SignedInBrowser park = SignedInBrowser.signIn(month.baseUrl, "park", PASSWORD);
        Path files = Files.createTempDirectory("workbooks");

        String form = park.get("/imports").body();
        HttpResponse<String> imported = park.upload(form, "/imports", Map.of("kind", "COMMISSION_RULES"), "file",
                "commissions.xlsx", Files.readAllBytes(SettledMonth.commissionRules(files.resolve("c.xlsx"))));
        assertThat(park.follow(imported).body()).contains("Imported 1 row(s) from commissions.xlsx");
        form = park.get("/imports").body();
        park.upload(form, "/imports", Map.of("kind", "SHIPPING_FEE_RULES"), "file", "shipping.xlsx",
                Files.readAllBytes(SettledMonth.shippingRules(files.resolve("s.xlsx"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM commission_rules", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipping_fee_rules", Integer.class)).isEqualTo(1);

        byte[] badCosts = Files.readAllBytes(TestWorkbooks.write(files.resolve("costs.xlsx"),
                List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", LocalDate.of(2026, 10, 1), "광고비", "10월 검색광고", 50000),
                List.of("sandbox02", "2026-10", "포장비", "박스", "12,000원 정도"),
                List.of("nobody", "2026-10", "광고비", "배너", 1000)));
        form = park.get("/imports").body();
        String refused = park.follow(park.upload(form, "/imports", Map.of("kind", "EXTRA_COSTS"), "file", "비용 10월.xlsx",
                badCosts)).body();
        assertThat(refused).contains("Nothing was imported").contains("2 problem(s)")
                .contains("<td class=\"num\">3</td><td>E (금액)</td>").contains("12,000원 정도").contains("is not a number")
                .contains("A (몰 계정)").contains("nobody").contains("is not one mall account");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM extra_costs", Integer.class)).as("nothing stored").isZero();

        month.collectAndSettle();
        long draftId = jdbc.queryForObject("SELECT id FROM settlements WHERE status = 'DRAFT' ORDER BY account_id LIMIT 1",
                Long.class);
        String label = jdbc.queryForObject("SELECT CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) FROM "
                + "settlements s JOIN mall_accounts a ON a.id = s.account_id JOIN tenants t ON t.id = a.tenant_id "
                + "WHERE s.id = ?", String.class, draftId);
        String list = park.get("/settlements").body();
        assertThat(list).contains("Settlements of 2026-10").contains(label).contains("Draft v1 to review")
                .contains("/settlements/" + draftId);
        String draft = park.get("/settlements/" + draftId).body();
        assertThat(draft).contains("Draft: not confirmed").contains("Page 1 of").contains("Confirm v1");
        assertThat(park.get("/settlements/" + draftId + "?page=2").body()).contains("Page 2 of");

        HttpResponse<String> confirmed = park.submit(draft, "/settlements/" + draftId + "/confirm",
                Map.of("comment", "checked against the bank"));
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/settlements/" + draftId));
        String version = park.follow(confirmed).body();
        assertThat(version).contains("Confirmed " + label + " 2026-10 v1").contains("Confirmed: this version stands")
                .contains("ACKED").contains("checked against the bank");
        assertThat(jdbc.queryForMap("SELECT status, version, confirmed_by FROM settlements WHERE id = ?", draftId))
                .containsEntry("status", "CONFIRMED").containsEntry("version", 1).containsEntry("confirmed_by", "park");
        Map<String, Object> posting = jdbc.queryForMap("SELECT status, document_no FROM erp_postings WHERE settlement_id = ? "
                + "AND kind = 'DOCUMENT'", draftId);
        assertThat(posting.get("status")).isEqualTo("ACKED");
        assertThat(version).contains((String) posting.get("document_no"));
        assertThat(month.world.sandbox.erp().documents()).hasSize(1);
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', outcome) FROM admin_audit", String.class))
                .anyMatch(line -> line.startsWith("park confirm-settlement confirmed v1"))
                .anyMatch(line -> line.startsWith("park import-workbook imported 1 row(s)"))
                .anyMatch(line -> line.startsWith("park import-workbook refused: 2 problem(s)"));

        BigDecimal net = jdbc.queryForObject("SELECT net FROM settlements WHERE id = ?", BigDecimal.class, draftId);
        HttpResponse<byte[]> stored = park.download("/settlements/" + draftId + "/workbook");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("filename=\"settlement-2026-10-").contains("filename*=UTF-8''%EC%A0%95%EC%82%B0%EC%84%9C-2026-10-"));
        assertThat(summaryNet(stored.body())).isEqualByComparingTo(net);

        try (var exported = Files.list(month.exports)) {
            for (Path file : exported.toList()) {
                Files.delete(file);
            }
        }
        HttpResponse<byte[]> rewritten = park.download("/settlements/" + draftId + "/workbook");
        assertThat(rewritten.statusCode()).isEqualTo(200);
        assertThat(summaryNet(rewritten.body())).as("written again from the snapshot").isEqualByComparingTo(net);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_audit WHERE action = 'download-workbook'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void aCorrectionShowsEachAmountBeforeAndAfterAndReversesTheOldDocument() throws Exception {
        SignedInBrowser park = SignedInBrowser.signIn(month.baseUrl, "park", PASSWORD);
        long v1 = jdbc.queryForObject("SELECT id FROM settlements WHERE status = 'CONFIRMED' ORDER BY id LIMIT 1", Long.class);
        long account = jdbc.queryForObject("SELECT account_id FROM settlements WHERE id = ?", Long.class, v1);

        String form = park.get("/imports").body();
        Path rules = TestWorkbooks.write(Files.createTempDirectory("rules").resolve("c.xlsx"), SettledMonth.COMMISSION_HEADER,
                Arrays.asList("CAFE24", null, null, "10%", "2026-01-01"),
                Arrays.asList("CAFE24", null, null, "11%", "2026-10-20"));
        park.upload(form, "/imports", Map.of("kind", "COMMISSION_RULES"), "file", "commissions-11.xlsx",
                Files.readAllBytes(rules));
        month.settleAgain(2);
        long draftId = jdbc.queryForObject("SELECT id FROM settlements WHERE account_id = ? AND status = 'DRAFT'",
                Long.class, account);

        String draft = park.get("/settlements/" + draftId).body();
        BigDecimal before = jdbc.queryForObject("SELECT commission FROM settlements WHERE id = ?", BigDecimal.class, v1);
        BigDecimal after = jdbc.queryForObject("SELECT commission FROM settlements WHERE id = ?", BigDecimal.class, draftId);
        assertThat(after).isGreaterThan(before);
        assertThat(draft).contains("Changes since v1").contains("Totals before and after").contains("Lines that changed")
                .contains(String.format(Locale.ROOT, "%,.2f", before)).contains(String.format(Locale.ROOT, "%,.2f", after));

        HttpResponse<String> confirmed = park.submit(draft, "/settlements/" + draftId + "/confirm", Map.of("comment", "11%"));
        String v2 = park.follow(confirmed).body();
        assertThat(v2).contains("Confirmed: this version stands").contains("Superseded by a newer version")
                .contains("Changes since v1").contains("Lines that changed");
        assertThat(jdbc.queryForObject("SELECT status FROM settlements WHERE id = ?", String.class, v1)).isEqualTo("SUPERSEDED");
        Map<String, Object> reversal = jdbc.queryForMap("SELECT status, reverses_document_no FROM erp_postings "
                + "WHERE settlement_id = ? AND kind = 'REVERSAL'", v1);
        assertThat(reversal.get("status")).isEqualTo("ACKED");
        assertThat(v2).contains("reverses " + reversal.get("reverses_document_no"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_differences WHERE settlement_id = ?", Integer.class,
                draftId)).as("the changes shown are the ones confirming recorded").isPositive();
    }

    @Test
    @Order(3)
    void theUseCasesRefuseViewerAndOpsAndChangeNothing() {
        long draftOrVersion = jdbc.queryForObject("SELECT MIN(id) FROM settlements", Long.class);
        int audited = jdbc.queryForObject("SELECT COUNT(*) FROM admin_audit", Integer.class);
        String before = jdbc.queryForObject("SELECT GROUP_CONCAT(status ORDER BY id) FROM settlements", String.class);
        try {
            for (String role : List.of("ROLE_VIEWER", "ROLE_OPS")) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "lee", null, AuthorityUtils.createAuthorityList(role)));
                assertThatThrownBy(() -> month.app.getBean(SettlementActions.class).confirm(draftOrVersion, null, "lee"))
                        .isInstanceOf(AuthorizationDeniedException.class);
                assertThatThrownBy(() -> month.app.getBean(SettlementActions.class).workbook(draftOrVersion, "lee"))
                        .isInstanceOf(AuthorizationDeniedException.class);
                assertThatThrownBy(() -> month.app.getBean(WorkbookUploads.class).upload(WorkbookImports.Kind.EXTRA_COSTS,
                        "costs.xlsx", 3, new ByteArrayInputStream(new byte[3]), null, "lee"))
                        .isInstanceOf(AuthorizationDeniedException.class);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.queryForObject("SELECT GROUP_CONCAT(status ORDER BY id) FROM settlements", String.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_audit", Integer.class)).isEqualTo(audited);
    }

    /** The net on the workbook's summary sheet: the row whose label is 정산금액. */
    private static BigDecimal summaryNet(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = workbook.getSheetAt(0);
            for (var row : summary) {
                if (row.getCell(0) != null && row.getCell(0).toString().strip().equals("정산금액")) {
                    return BigDecimal.valueOf(row.getCell(1).getNumericCellValue());
                }
            }
        }
        throw new AssertionError("no 정산금액 row on the summary sheet");
    }
}
