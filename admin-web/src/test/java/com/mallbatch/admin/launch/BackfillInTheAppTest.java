package com.mallbatch.admin.launch;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.admin.infrastructure.web.SignedInBrowser;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backfill from the launch form in the app as deployed, against the sandbox's Cafe24 malls (each call a little slow,
 * so runs overlap if they may): three dates for two of the three accounts, two at a time, run oldest first and never
 * more than two at once, each launched through the launch service as the user; then a range that includes a date that
 * completed is refused as a whole and starts nothing; the schedules page reads the same database.
 */
class BackfillInTheAppTest {

    static final String PASSWORD = "ops password for the test";
    static final LocalDate FIRST = SandboxWorld.BUSINESS_DATE.minusDays(2);
    static SandboxWorld world;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static SignedInBrowser ops;
    static List<String> accounts;

    @BeforeAll
    static void start() {
        world = new SandboxWorld(SandboxWorld.smallConfig().withSize(20, 2, 5, 8), "backfillweb");
        world.sandbox.faults().stalls(1.0, 40);
        app = AppOnSandbox.start(world, Map.of("kim", new String[]{"OPS", PASSWORD}));
        jdbc = app.getBean(JdbcTemplate.class);
        Map<String, Long> ids = world.registerAccounts(app.getBean(JdbcMallAccounts.class));
        accounts = ids.keySet().stream().limit(2).map(mall -> "acme/CAFE24/" + mall).toList();
        ops = SignedInBrowser.signIn(AppOnSandbox.baseUrl(app), "kim", PASSWORD);
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
    void threeDatesRunOldestFirstTwoAtATimeAndARangeWithACompletedDateStartsNothing() throws Exception {
        HttpResponse<String> launched = ops.submit(ops.get("/launch").body(), "/launch", form(FIRST, FIRST.plusDays(2)));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        String path = SignedInBrowser.location(launched);
        assertThat(path).matches("/launch/backfills/\\d+");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> ops.get(path).body().contains("Every date has ended."));

        List<Run> runs = jdbc.query("SELECT p.PARAMETER_VALUE, e.STATUS, e.START_TIME, e.END_TIME, e.JOB_EXECUTION_ID "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE i.JOB_NAME = 'collectJob' AND p.PARAMETER_NAME = 'businessDate' ORDER BY e.START_TIME, e.JOB_EXECUTION_ID",
                (rs, row) -> new Run(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5)));
        assertThat(runs).extracting(Run::date).as("oldest first")
                .containsExactly(FIRST, FIRST.plusDays(1), FIRST.plusDays(2));
        assertThat(runs).extracting(Run::status).containsOnly("COMPLETED");
        assertThat(mostAtOnce(runs)).as("two at once, never three").isEqualTo(2);
        assertThat(runs.get(2).start()).as("the third waits for a slot").isAfterOrEqualTo(
                runs.get(0).end().isBefore(runs.get(1).end()) ? runs.get(0).end() : runs.get(1).end());

        String page = ops.get(path).body();
        runs.forEach(run -> assertThat(page).contains("/runs/" + run.executionId()));
        assertThat(jdbc.queryForList("SELECT launched_by FROM job_launches WHERE job_execution_id IS NOT NULL",
                String.class)).as("each date launched through the launch service, as the user").containsExactly("kim", "kim", "kim");
        assertThat(jdbc.queryForList("SELECT DISTINCT SUBSTRING(STEP_NAME, LENGTH('collectAccount:') + 1) FROM "
                + "BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collectAccount:%'", String.class))
                .as("only the two accounts asked for").containsExactlyInAnyOrderElementsOf(accounts);
        assertThat(audit()).anyMatch(line -> line.startsWith("kim launch collectJob started backfill"))
                .anyMatch(line -> line.startsWith("kim launch collectJob backfill") && line.contains("ended: " + FIRST
                        + " COMPLETED, " + FIRST.plusDays(1) + " COMPLETED, " + FIRST.plusDays(2) + " COMPLETED"));

        HttpResponse<String> refused = ops.submit(ops.get("/launch").body(), "/launch",
                form(FIRST.minusDays(1), FIRST.plusDays(1)));
        assertThat(refused.statusCode()).as("the form again, with what is wrong").isEqualTo(200);
        assertThat(refused.body()).contains("collectJob already completed for " + FIRST + "; leave that date out")
                .contains("collectJob already completed for " + FIRST.plusDays(1) + "; leave that date out");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
                .as("not even the date that never ran was started").isEqualTo(3);
        assertThat(audit()).anyMatch(line -> line.startsWith("kim launch collectJob refused: ")
                && line.contains("already completed"));

        String schedules = ops.get("/schedules").body();
        assertThat(schedules).contains("mallbatch.schedule.collect-cron").contains("0 30 2 * * *")
                .contains("The scheduler has not launched collectJob yet.").contains("No lock has been taken yet.");
    }

    /** The form for two of the three accounts (a multi-select's values, which Spring also binds comma-joined). */
    private static Map<String, String> form(LocalDate from, LocalDate to) {
        return Map.of("job", "collectJob", "from", from.toString(), "to", to.toString(), "concurrency", "2",
                "tenant", "acme", "accounts", accounts.get(1) + "," + accounts.get(0));
    }

    /** The most executions that were running at the same moment. */
    private static int mostAtOnce(List<Run> runs) {
        List<Instant> starts = new ArrayList<>(runs.stream().map(Run::start).toList());
        int most = 0;
        for (Instant moment : starts) {
            int running = (int) runs.stream().filter(run -> !run.start().isAfter(moment) && run.end().isAfter(moment))
                    .count();
            most = Math.max(most, running);
        }
        return most;
    }

    private static List<String> audit() {
        return jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit "
                + "ORDER BY id", String.class);
    }

    record Run(LocalDate date, String status, Instant start, Instant end, long executionId) {
    }
}
