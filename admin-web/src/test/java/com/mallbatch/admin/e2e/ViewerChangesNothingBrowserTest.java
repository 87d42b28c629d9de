package com.mallbatch.admin.e2e;

import com.mallbatch.admin.settlements.SettledMonth;
import com.mallbatch.jobs.launch.JobLaunchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in headless Chromium: a VIEWER opens every page of the menu and the pages behind them — a failed run, an
 * account's failure, an account, a settlement draft — and is offered no form that changes anything; each change
 * posted anyway from the page's own script, with its CSRF token, answers 403, and nothing in the database moved.
 */
class ViewerChangesNothingBrowserTest {

    static final String VIEWER_PASSWORD = "viewer password for the test";
    static final String DOWN = "acme/CAFE24/sandbox02";
    /** Pages worth a picture in the README, by the file name they get. */
    static final Map<String, String> SCREENSHOTS = Map.of("/sellers/acme", "seller", "/runs/trends", "trends",
            "/accounts", "accounts", "/launch", "launch-as-viewer", "/schedules", "schedules");

    static SettledMonth month;
    static JdbcTemplate jdbc;
    static JobExecution failed;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; "
                + "install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        month = new SettledMonth("viewerbrowser", Map.of("lee", new String[]{"VIEWER", VIEWER_PASSWORD}));
        month.importRules();
        month.collectAndSettle();
        JobLaunchService launches = month.app.getBean(JobLaunchService.class);
        launches.launch("reconcileJob", new JobParametersBuilder().addString("businessDate", "2026-10-31")
                .toJobParameters(), "schedule");
        month.world.sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/products");
        failed = launches.launch("collectJob", new JobParametersBuilder()
                .addString("businessDate", "2026-11-01").toJobParameters(), "schedule");
        month.world.sandbox.faults().clear();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        jdbc = month.app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (month != null) {
            month.close();
        }
    }

    @Test
    void aViewerSeesEveryPageAndCanChangeNothing() throws Exception {
        long account = jdbc.queryForObject("SELECT a.id FROM mall_accounts a WHERE a.account_key = 'sandbox02'", Long.class);
        long draft = jdbc.queryForObject("SELECT id FROM settlements WHERE status = 'DRAFT' ORDER BY id LIMIT 1", Long.class);
        long partition = jdbc.queryForObject("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STATUS = 'FAILED' AND STEP_NAME LIKE '%" + DOWN + "' ORDER BY STEP_EXECUTION_ID LIMIT 1", Long.class,
                failed.getId());
        Map<String, Object> before = state();

        try (Browser browser = new Browser(month.baseUrl)) {
            LoginPage.open(browser).signIn("lee", VIEWER_PASSWORD);
            List<String> pages = new ArrayList<>(browser.menu());
            assertThat(pages).as("the menu shows a viewer no admin pages")
                    .contains("/runs", "/launch", "/accounts", "/breaks", "/sellers", "/settlements", "/imports",
                            "/schedules").doesNotContain("/users", "/audit");
            pages.addAll(List.of("/runs/" + failed.getId(), "/runs/" + failed.getId() + "/accounts/" + partition,
                    "/runs/trends", "/accounts/" + account, "/settlements/" + draft, "/sellers/acme"));
            Map<String, List<String>> offered = new LinkedHashMap<>();
            for (String page : pages) {
                browser.open(page);
                assertThat(browser.page()).as(page).doesNotContain("Not allowed").doesNotContain("Not found")
                        .doesNotContain("Whitelabel Error Page");
                offered.put(page, browser.changingForms());
                if (SCREENSHOTS.containsKey(page)) {
                    browser.screenshot(SCREENSHOTS.get(page));
                }
            }
            assertThat(offered).as("forms that would change something, per page").allSatisfy((page, forms) ->
                    assertThat(forms).as(page).isEmpty());
            browser.open("/runs/" + failed.getId());
            browser.screenshot("viewer-run");

            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("/runs/" + failed.getId() + "/restart", "");
            changes.put("/runs/" + failed.getId() + "/abandon", "");
            changes.put("/launch", "job=collectJob&from=2026-10-30&to=2026-10-30&concurrency=1");
            changes.put("/accounts/" + account + "/pause", "reason=looking");
            changes.put("/accounts/" + account + "/enabled", "enabled=false");
            changes.put("/accounts/" + account + "/edit", "baseUrl=http://example.invalid");
            changes.put("/settlements/" + draft + "/confirm", "comment=viewer");
            changes.put("/users", "username=eve&password=long+enough+password&roles=ADMIN");
            for (Map.Entry<String, String> change : changes.entrySet()) {
                assertThat(browser.postFromPage(change.getKey(), change.getValue())).as(change.getKey()).isEqualTo(403);
            }
            browser.open("/users");
            assertThat(browser.page()).contains("Not allowed");
        }
        assertThat(state()).as("nothing moved").isEqualTo(before);
    }

    /** What a change by anyone would move: runs, accounts, settlements, users, and the audit beyond signing in. */
    private static Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("executions", jdbc.queryForList("SELECT CONCAT(JOB_EXECUTION_ID, ' ', STATUS) FROM BATCH_JOB_EXECUTION "
                + "ORDER BY JOB_EXECUTION_ID", String.class));
        state.put("accounts", jdbc.queryForList("SELECT CONCAT(a.id, ' ', a.enabled, ' ', COALESCE(h.paused_reason, '-')) "
                + "FROM mall_accounts a LEFT JOIN account_health h ON h.account_id = a.id ORDER BY a.id", String.class));
        state.put("settlements", jdbc.queryForList("SELECT CONCAT(id, ' ', status) FROM settlements ORDER BY id", String.class));
        state.put("users", jdbc.queryForObject("SELECT COUNT(*) FROM admin_users", Integer.class));
        state.put("audit", jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', outcome) FROM admin_audit "
                + "WHERE action NOT IN ('sign-in', 'sign-out') ORDER BY id", String.class));
        return state;
    }
}
