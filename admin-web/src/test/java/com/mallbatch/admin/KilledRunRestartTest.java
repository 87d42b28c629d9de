package com.mallbatch.admin;

import com.mallbatch.jobs.collect.GroundTruth;
import com.mallbatch.jobs.collect.ExpectedRows;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief's restart bar: the application, run as a child JVM exactly as ops would run it, is killed with SIGKILL in
 * the middle of collecting; running the same command again restarts the same job instance and the database ends
 * exactly as the ground truth says — nothing duplicated, nothing missing.
 */
class KilledRunRestartTest {

    @Test
    void aCollectKilledMidRunAndRunAgainEndsIdenticalToTheGroundTruth() throws Exception {
        // 2,500 products per mall at Cafe24's real 2 calls/s budget: long enough to be killed mid-way.
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(2_500, 3, 60, 10).withRate(40, 2),
                "killed")) {
            Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
            List<String> command = command(world, accounts);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(world.schema.jdbcUrl(),
                    world.schema.user(), world.schema.password()));

            Process first = start(command, "killed-run-1.log");
            awaitRows(jdbc, "variants", 1_000, first);
            assertThat(first.isAlive()).as("still collecting when killed").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback handshake
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("STARTED");

            Process second = start(command, "killed-run-2.log");
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("rerun finished").isTrue();
            assertThat(second.exitValue()).as("exit code of the rerun; its log ends:%n%s", logTail("killed-run-2.log"))
                    .isZero();

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                    .containsExactly("FAILED", "COMPLETED");
            // The partitions the kill interrupted resumed at their last commit: they read less than their malls hold.
            List<java.util.Map<String, Object>> resumed = jdbc.queryForList("SELECT STEP_NAME, READ_COUNT FROM "
                    + "BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = 2 AND STEP_NAME LIKE 'collectVariantsAndStock:%'");
            assertThat(resumed).isNotEmpty();
            long read = 0;
            long held = 0;
            for (java.util.Map<String, Object> step : resumed) {
                String mallId = ((String) step.get("STEP_NAME")).substring("collectVariantsAndStock:acme/CAFE24/".length());
                read += ((Number) step.get("READ_COUNT")).longValue();
                held += jdbc.queryForObject("SELECT COUNT(*) FROM variants v JOIN mall_accounts a ON a.id = v.account_id "
                        + "WHERE a.account_key = ?", Long.class, mallId);
            }
            assertThat(read).as("variants read after the restart by the resumed partitions").isLessThan(held);
            for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
                long id = jdbc.queryForObject("SELECT id FROM mall_accounts WHERE account_key = ?", Long.class, mall.mallId());
                GroundTruth.assertMall(jdbc, mall, id, BUSINESS_DATE);
                ExpectedRows expected = new ExpectedRows(id, mall.groundTruth());
                LocalDate from = BUSINESS_DATE.minusDays(GroundTruth.LOOKBACK);
                assertThat(jdbc.queryForList("SELECT CONCAT(entity, ' ', read_count, '/', write_count) FROM collect_stats "
                        + "WHERE account_id = ? ORDER BY entity", String.class, id))
                        .as("the whole account-day counted, the killed run's committed part included")
                        .containsExactly("category " + expected.categories().size() + "/" + expected.categories().size(),
                                "category product " + expected.categoryMemberships().size() + "/" + expected.categoryMemberships().size(),
                                "order " + expected.orders(from, BUSINESS_DATE).size() + "/" + expected.orders(from, BUSINESS_DATE).size(),
                                "product " + expected.products().size() + "/" + expected.products().size(),
                                "variant " + expected.variants().size() + "/" + expected.variants().size());
            }
        }
    }

    private static List<String> command(SandboxWorld world, Path accounts) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MallbatchApplication.class.getName());
        command.add("--spring.batch.job.name=collectJob");
        command.add("businessDate=" + BUSINESS_DATE);
        command.add("--spring.datasource.url=" + world.schema.jdbcUrl());
        command.add("--spring.datasource.username=" + world.schema.user());
        command.add("--spring.datasource.password=" + world.schema.password());
        command.add("--mallbatch.accounts-file=" + accounts);
        command.add("--mallbatch.secret-key=" + world.secretKey);
        return command;
    }

    private static Process start(List<String> command, String logName) throws Exception {
        File log = new File("target", logName);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** What a failing child said last, so a CI report shows the cause without the file. */
    private static String logTail(String logName) throws java.io.IOException {
        List<String> lines = Files.readAllLines(Path.of("target", logName)).stream()
                .filter(line -> !line.startsWith("\tat ") && !line.contains("|-")).toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /** Waits until the child has written {@code rows} rows to {@code table}. */
    private static void awaitRows(JdbcTemplate jdbc, String table, int rows, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            try {
                Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
                if (count != null && count >= rows) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException tableNotThereYet) {
                // Flyway has not created it yet
            }
            child.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError(table + " never reached " + rows + " rows before the child ended or time ran out");
    }
}
