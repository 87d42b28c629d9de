package com.mallbatch.admin.e2e;

import com.mallbatch.admin.settlements.SettledMonth;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.mallbatch.admin.settlements.SettledMonth.PERIOD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in headless Chromium: the night settled October into drafts; FINANCE signs in, reviews an account's draft
 * (totals, lines), confirms it, downloads the version's workbook — a real xlsx whose Korean name Chromium keeps — and
 * sees the ERP document ACKED by the sandbox ERP. A VIEWER reads the same page without a confirm button.
 */
class ConfirmSettlementBrowserTest {

    static final String FINANCE_PASSWORD = "finance password for the test";
    static final String VIEWER_PASSWORD = "viewer password for the test";
    static final String ACCOUNT = "acme/CAFE24/sandbox01";

    static SettledMonth month;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; "
                + "install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        month = new SettledMonth("settlebrowser", Map.of("park", new String[]{"FINANCE", FINANCE_PASSWORD},
                "lee", new String[]{"VIEWER", VIEWER_PASSWORD}));
        month.importRules();
        month.collectAndSettle();
    }

    @AfterAll
    static void stop() {
        if (month != null) {
            month.close();
        }
    }

    @Test
    void financeReviewsConfirmsDownloadsAndSeesTheErpDocumentAcked() throws Exception {
        try (Browser viewer = new Browser(month.baseUrl)) {
            LoginPage.open(viewer).signIn("lee", VIEWER_PASSWORD);
            SettlementPage draft = SettlementsPage.open(viewer).openSettlement(ACCOUNT, PERIOD);
            assertThat(draft.title()).isEqualTo("Settlement of " + ACCOUNT + " for " + PERIOD + ", v1");
            assertThat(draft.offersConfirm(ACCOUNT, PERIOD, 1)).as("a viewer is offered no confirm").isFalse();
        }

        Path downloads = Files.createTempDirectory("chromium-downloads");
        try (Browser browser = new Browser(month.baseUrl, downloads)) {
            LoginPage.open(browser).signIn("park", FINANCE_PASSWORD);
            SettlementsPage settlements = SettlementsPage.open(browser);
            assertThat(settlements.row(ACCOUNT)).contains("Draft v1 to review");
            browser.screenshot("settlements-list");

            SettlementPage draft = settlements.openSettlement(ACCOUNT, PERIOD);
            assertThat(browser.page()).contains("Draft: not confirmed").contains("Page 1 of");
            assertThat(draft.total("Net")).isNotBlank();
            String net = draft.total("Net");
            browser.screenshot("settlement-draft");

            SettlementPage confirmed = draft.confirm(ACCOUNT, PERIOD, 1, "checked against the bank statement");
            assertThat(browser.page()).contains("Confirmed " + ACCOUNT + " " + PERIOD + " v1")
                    .contains("Confirmed: this version stands");
            assertThat(confirmed.total("Net")).isEqualTo(net);
            assertThat(confirmed.awaitErpDocument(1, "ACKED", Duration.ofSeconds(30))).contains("ACKED")
                    .contains("document ");
            showInScreenshot(browser, "Versions");
            browser.screenshot("settlement-versions");

            Path workbook = confirmed.downloadWorkbook(1, downloads, Duration.ofSeconds(30));
            assertThat(workbook.getFileName().toString()).isEqualTo("정산서-" + PERIOD + "-acme-sandbox01-v1.xlsx");
            try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook xlsx = new XSSFWorkbook(in)) {
                assertThat(xlsx.getSheetAt(0).getSheetName()).isEqualTo("요약");
                assertThat(xlsx.getNumberOfSheets()).isEqualTo(4);
            }
        }

        JdbcTemplate jdbc = month.app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', outcome) FROM admin_audit", String.class))
                .anyMatch(line -> line.startsWith("park confirm-settlement confirmed v1"))
                .anyMatch(line -> line.startsWith("park download-workbook served"));
    }

    /** Scrolls the part labelled {@code name} to the top, for the README's screenshots. */
    private static void showInScreenshot(Browser browser, String name) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", browser.labelled(name));
    }
}
