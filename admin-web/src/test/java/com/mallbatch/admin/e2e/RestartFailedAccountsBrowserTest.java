package com.mallbatch.admin.e2e;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.launch.JobLaunchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in headless Chromium against the app as deployed: last night's collect failed because one sandbox mall
 * was down; OPS signs in, opens the run, sees that account and its whole error, the mall comes back, OPS restarts the
 * failed accounts after seeing which will rerun, and watches its progress stream in until the run reaches COMPLETED, all
 * without a reload. A VIEWER sees the same run, is offered no restart and is refused one.
 */
class RestartFailedAccountsBrowserTest {

    static final String OPS_PASSWORD = "ops password for the test";
    static final String VIEWER_PASSWORD = "viewer password for the test";
    static final String DOWN = "acme/CAFE24/sandbox02";

    static SandboxWorld world;
    static ConfigurableApplicationContext app;
    static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; "
                + "install Debian's chromium and chromium-driver (.ci/run does) to run the browser test");
        world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 5, 8), "adminweb");
        Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
        app = AppOnSandbox.start(world, Map.of("kim", new String[]{"OPS", OPS_PASSWORD},
                        "lee", new String[]{"VIEWER", VIEWER_PASSWORD}), "--mallbatch.accounts-file=" + accounts,
                "--mallbatch.cafe24.max-retries=2", "--mallbatch.cafe24.initial-backoff=10ms");
        baseUrl = AppOnSandbox.baseUrl(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void opsSeesTheDownMallsFullErrorRestartsItsAccountAndSeesTheRunComplete() throws Exception {
        world.sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/products");
        JobExecution failed = app.getBean(JobLaunchService.class).launch("collectJob", new JobParametersBuilder()
                .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "schedule");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String cutError = jdbc.queryForObject("SELECT s.EXIT_MESSAGE FROM BATCH_STEP_EXECUTION s WHERE "
                + "s.JOB_EXECUTION_ID = ? AND s.STEP_NAME = ?", String.class, failed.getId(), "collectProducts:" + DOWN);
        String wholeError = jdbc.queryForObject("SELECT trace FROM step_failures WHERE job_execution_id = ? AND "
                + "step_name = ?", String.class, failed.getId(), "collectProducts:" + DOWN);

        try (Browser viewer = new Browser(baseUrl)) {
            RunPage run = LoginPage.open(viewer).signIn("lee", VIEWER_PASSWORD).showUpTo(BUSINESS_DATE)
                    .openRun("collectJob", BUSINESS_DATE, "FAILED");
            assertThat(run.accountRow(DOWN)).contains("FAILED");
            assertThat(run.offersRestart()).as("a viewer is offered no restart").isFalse();
            viewer.open("/runs/" + failed.getId() + "/restart");
            assertThat(viewer.page()).contains("Not allowed");
        }

        try (Browser browser = new Browser(baseUrl)) {
            RunPage run = LoginPage.open(browser).signIn("kim", OPS_PASSWORD).showUpTo(BUSINESS_DATE)
                    .openRun("collectJob", BUSINESS_DATE, "FAILED");
            assertThat(browser.htmxLoaded()).as("htmx from its webjar").isTrue();
            assertThat(run.status()).isEqualTo("FAILED");
            browser.screenshot("run-failed");
            assertThat(run.accountRow(DOWN)).contains("FAILED").contains("collectProducts");
            assertThat(run.accountRow("acme/CAFE24/sandbox01")).contains("COMPLETED");

            FailurePage failure = run.openFailureOf(DOWN);
            browser.screenshot("account-failure");
            String shown = failure.exitDescriptionOf("collectProducts:" + DOWN);
            assertThat(wholeError).as("a stack trace longer than Spring Batch keeps, which begins as Batch's cut one")
                    .contains("\n").hasSizeGreaterThan(cutError.length()).startsWith(cutError);
            assertThat(normalize(shown)).as("the whole error, not Batch's cut one").isEqualTo(normalize(wholeError));
            assertThat(failure.fetchFailures()).as("the mall's 503s, each attempt").contains("/products").contains("503");
            assertThat(failure.accountError()).as("the first cause in the mall's words, which the stored trace may cut")
                    .contains(DOWN).contains("/products").contains("still failing after");

            world.sandbox.faults().clear().stalls(1.0, 150); // the mall is back, slowly: the rerun takes a while
            browser.driver.navigate().back();
            RestartPage restart = new RunPage(browser).restartFailedAccounts();
            assertThat(restart.accountsThatWillRerun()).contains(DOWN).contains("collectProducts")
                    .doesNotContain("sandbox01").doesNotContain("sandbox03");
            browser.screenshot("restart-confirm");
            RunPage restarted = restart.confirm(1);
            restarted.markDocument();
            assertThat(restarted.awaitProgressFigures(Duration.ofSeconds(30))).as("streamed in over SSE")
                    .contains("Items read").contains("Accounts finished").contains("of 1");
            browser.screenshot("run-progress");
            restarted.awaitStatus("COMPLETED", Duration.ofSeconds(120));
            assertThat(restarted.sameDocument()).as("the status flipped without a reload or a navigation").isTrue();
            assertThat(restarted.hasProgress()).as("the stream closed with the run").isFalse();
            assertThat(restarted.accountRow(DOWN)).contains("COMPLETED");
            browser.screenshot("run-restarted");
            assertThat(restarted.accounts()).as("only the failed account ran again").containsExactly(DOWN);
            assertThat(restarted.changedRow(DOWN, "products", Duration.ofSeconds(20)))
                    .as("the restart inserted the down mall's products, which the failed run never loaded")
                    .matches(DOWN + " products [1-9]\\d* 0 0 0 0 0");
            browser.screenshot("run-changes");
            browser.open("/runs?to=" + BUSINESS_DATE);
            browser.screenshot("runs-grid");
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?",
                Integer.class, failed.getJobInstanceId())).as("a restart of the same instance").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', outcome) FROM admin_audit",
                String.class)).contains("lee sign-in succeeded", "kim sign-in succeeded", "kim restart-failed-accounts started");
        assertThat(jdbc.queryForList("SELECT launched_by FROM job_launches ORDER BY id", String.class))
                .contains("schedule", "kim");
    }

    private static String normalize(String text) {
        return text.replace("\r", "").replace("\t", "    ").lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
