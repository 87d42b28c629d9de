package com.mallbatch.admin.runs;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.admin.infrastructure.web.SignedInBrowser;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.launch.JobLaunchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runs pages' live parts in the app as deployed, over HTTP against a real collect of the sandbox malls: a failed
 * step's whole trace, longer than the 2,500 characters Spring Batch keeps, is kept and shown with the mall calls that
 * failed; an OPS user watches a
 * slow collect's progress stream, stops it (it ends STOPPED and the stream says so and closes), then abandons it; each
 * request is in admin_audit, and a request that does not fit the run's status is refused in one line.
 */
class RunsLiveInTheAppTest {

    static final String OPS_PASSWORD = "ops password for the live test";
    static final String VIEWER_PASSWORD = "viewer password for the live test";
    static final String DOWN = "acme/CAFE24/sandbox02";

    static SandboxWorld world;
    static ConfigurableApplicationContext app;
    static String base;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 5, 8), "runslive");
        Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
        app = AppOnSandbox.start(world, Map.of("kim", new String[]{"OPS", OPS_PASSWORD},
                        "lee", new String[]{"VIEWER", VIEWER_PASSWORD}), "--mallbatch.accounts-file=" + accounts,
                "--mallbatch.cafe24.max-retries=2", "--mallbatch.cafe24.initial-backoff=10ms");
        base = AppOnSandbox.baseUrl(app);
        jdbc = app.getBean(JdbcTemplate.class);
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

    @AfterEach
    void mallsBackToNormal() {
        world.sandbox.faults().clear();
    }

    @Test
    void aFailedStepsWholeTraceIsKeptAndShownBeyondWhatSpringBatchKeeps() throws Exception {
        world.sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/products");
        JobExecution failed = launch(BUSINESS_DATE);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String step = "collectProducts:" + DOWN;
        String cut = jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = ?", String.class, failed.getId(), step);
        String whole = jdbc.queryForObject("SELECT f.trace FROM step_failures f WHERE f.job_execution_id = ? "
                + "AND f.step_name = ?", String.class, failed.getId(), step);
        assertThat(cut).hasSizeLessThanOrEqualTo(RunDetails.STORED_EXIT_DESCRIPTION);
        assertThat(whole).as("longer than Spring Batch keeps, beginning as it does")
                .hasSizeGreaterThan(RunDetails.STORED_EXIT_DESCRIPTION).startsWith(cut).contains("\tat ");
        assertThat(jdbc.queryForList("SELECT step_name FROM step_failures WHERE job_execution_id = ?", String.class,
                failed.getId())).as("every step that failed with something to say, and only those")
                .containsExactlyInAnyOrder(step, "collectAccounts");

        long partition = jdbc.queryForObject("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE "
                + "JOB_EXECUTION_ID = ? AND STEP_NAME = ?", Long.class, failed.getId(), "collectAccount:" + DOWN);
        SignedInBrowser viewer = SignedInBrowser.signIn(base, "lee", VIEWER_PASSWORD);
        assertThat(viewer.get("/runs/424242").statusCode()).as("an unknown run").isEqualTo(404);
        assertThat(viewer.get("/runs/424242/accounts/1").statusCode()).isEqualTo(404);
        String page = viewer.get("/runs/" + failed.getId() + "/accounts/" + partition).body();
        assertThat(HtmlUtils.htmlUnescape(page).replace("\r", "")).as("the whole trace, to its last line")
                .contains(whole.replace("\r", "").strip())
                .doesNotContain("only the first " + RunDetails.STORED_EXIT_DESCRIPTION);
        assertThat(page).as("each failed call to the mall, with its status and attempt")
                .contains("Failed fetches").contains("/cafe24/sandbox02/api/v2/admin/products").contains(">503<")
                .doesNotContain("No fetch of these steps failed");
    }

    @Test
    void opsWatchesASlowCollectStopsItSeesItStoppedAndAbandonsIt() throws Exception {
        LocalDate date = BUSINESS_DATE.minusDays(1);
        world.sandbox.faults().stalls(1.0, 300); // every mall answer takes 0.3 s: the collect runs for a while
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> launch(date));
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> runningExecution(), found -> found != null);

        SignedInBrowser ops = SignedInBrowser.signIn(base, "kim", OPS_PASSWORD);
        BlockingQueue<SignedInBrowser.Event> stream = ops.stream("/runs/" + id + "/progress");
        SignedInBrowser.Event first = SignedInBrowser.next(stream, "progress", Duration.ofSeconds(10));
        assertThat(first.data()).as("one line of HTML a swap can take").doesNotContain("\n")
                .contains("Items read").contains("Items written").contains("Rate").contains("Accounts finished")
                .contains("of 3").contains("STARTED");

        String page = ops.get("/runs/" + id).body();
        assertThat(page).contains("Stop this run").contains("sse-connect=\"/runs/" + id + "/progress\"");
        HttpResponse<String> stopped = ops.submit(page, "/runs/" + id + "/stop", Map.of());
        assertThat(stopped.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/runs/" + id));

        SignedInBrowser.Event ended = SignedInBrowser.next(stream, "ended", Duration.ofSeconds(60));
        assertThat(ended.data()).isEqualTo("STOPPED");
        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(app.getBean(RunProgressStreams.class).watching(id)).as("the stream is closed and forgotten").isZero();

        String stoppedPage = ops.get("/runs/" + id).body();
        assertThat(stoppedPage).contains("Abandon this run").doesNotContain("Stop this run")
                .doesNotContain("sse-connect");
        ops.submit(stoppedPage, "/runs/" + id + "/abandon", Map.of());
        assertThat(status(id)).isEqualTo("ABANDONED");
        assertThat(ops.get("/runs/" + id).body()).contains("The run is abandoned").doesNotContain("Abandon this run");

        ops.submit(stoppedPage, "/runs/" + id + "/abandon", Map.of());
        assertThat(ops.get("/runs/" + id).body()).as("the refusal, in one line")
                .contains("Not abandoned: only a STOPPED or FAILED run can be abandoned.")
                .contains("collectJob execution " + id + " is ABANDONED");
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit "
                + "WHERE action IN ('stop-run', 'abandon-run') ORDER BY id", String.class)).containsExactly(
                "kim stop-run collectJob execution " + id + " stopping",
                "kim abandon-run collectJob execution " + id + " abandoned",
                "kim abandon-run collectJob execution " + id + " refused: collectJob execution " + id
                        + " is ABANDONED; only a [STOPPED, FAILED] run can be abandoned");
    }

    private static JobExecution launch(LocalDate date) {
        return app.getBean(JobLaunchService.class).launch("collectJob", new JobParametersBuilder()
                .addString("businessDate", date.toString()).toJobParameters(), "schedule");
    }

    private static Long runningExecution() {
        List<Long> running = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE STATUS = "
                + "'STARTED'", Long.class);
        return running.isEmpty() ? null : running.get(0);
    }

    private static String status(long id) {
        return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, id);
    }
}
