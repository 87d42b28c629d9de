package com.mallbatch.bench;

import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * collectJob spread over worker processes (remote partitioning over RabbitMQ), on the fleet bench's rate-bound setup:
 * Cafe24's real budget (bucket 40, 2 calls/s) and enough products that the budget, not the CPU, bounds each account.
 * The same malls are collected once by W workers of C partitions each, in processes of their own started as an
 * operator would start them, with a manager process that partitions and polls. Prints the job's wall time,
 * seller-days per hour and the CPU the workers used.
 */
final class ScaleBench {

    record Result(int workers, int concurrency, int accounts, int failed, Duration wall, Duration workerCpu) {

        double sellerDaysPerHour() {
            return accounts * 3600.0 / (wall.toMillis() / 1000.0);
        }
    }

    private static final String APP = "com.mallbatch.admin.MallbatchApplication";

    private ScaleBench() {
    }

    static Result run(int workers, int concurrency, int malls, int products, int ordersPerDay) throws Exception {
        Path accounts = Files.createTempFile("bench-scale-accounts", ".yml");
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("--malls=" + malls, "--products=" + products,
                "--variants=3", "--orders=" + ordersPerDay, "--days=10", "--bucket=40", "--leak=2", "--html-centers=0",
                "--next-centers=0", "--line-centers=0", "--tenant=bench", "--accounts-file=" + accounts));
             ThrowawaySchema schema = ThrowawaySchema.create("bench_scale")) {
            List<String> common = List.of("--spring.datasource.url=" + schema.jdbcUrl(),
                    "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
                    "--mallbatch.secret-key=" + CredentialCipher.newKey(),
                    "--mallbatch.collect.remote.queue=mallbatch.bench." + UUID.randomUUID(),
                    "--mallbatch.collect.remote.worker-concurrency=" + concurrency,
                    "--mallbatch.rate-limits.redis-url=redis://127.0.0.1:6379",
                    "--logging.level.com.mallbatch=WARN");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(schema.jdbcUrl(), schema.user(), schema.password()));
            List<Process> started = new ArrayList<>();
            try {
                for (int w = 1; w <= workers; w++) {
                    started.add(start(common, "worker-" + w, "--mallbatch.collect.mode=worker",
                            "--mallbatch.collect.remote.worker-name=bench-" + w));
                }
                awaitWorkers(jdbc, workers, started);
                Process manager = start(common, "manager", "--mallbatch.collect.mode=manager",
                        "--mallbatch.collect.concurrency=" + workers * concurrency,
                        "--mallbatch.accounts-file=" + accounts, "--spring.batch.job.name=collectJob",
                        "businessDate=" + LocalDate.now(ZoneId.of("Asia/Seoul")).minusDays(1));
                if (!manager.waitFor(2, TimeUnit.HOURS)) {
                    throw new IllegalStateException("the manager did not finish in two hours");
                }
                Duration cpu = started.stream().map(p -> p.toHandle().info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus);
                Map<String, Object> job = jdbc.queryForMap("SELECT TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) AS MICROS, "
                        + "STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1");
                int failed = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS <> 'COMPLETED' "
                        + "AND STEP_NAME LIKE 'collectAccount:%'", Integer.class);
                Duration wall = Duration.ofNanos(((Number) job.get("MICROS")).longValue() * 1_000);
                if (manager.exitValue() != 0) {
                    throw new IllegalStateException("the manager ended " + job.get("STATUS") + " (exit " + manager.exitValue()
                            + "); see " + log("manager"));
                }
                return new Result(workers, concurrency, malls, failed, wall, cpu);
            } finally {
                started.forEach(Process::destroyForcibly);
            }
        } finally {
            Files.deleteIfExists(accounts);
        }
    }

    /** The app as an operator starts it, its output in {@code bench/target/scale-NAME.log}. */
    private static Process start(List<String> common, String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), APP));
        command.addAll(common);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name)).start();
    }

    private static File log(String name) {
        return new File("bench/target", "scale-" + name + ".log");
    }

    /** Until every worker has migrated the schema and beats in {@code collect_workers}. */
    private static void awaitWorkers(JdbcTemplate jdbc, int workers, List<Process> processes) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a worker stopped at start-up; see bench/target/scale-worker-*.log");
            }
            try {
                Integer up = jdbc.queryForObject("SELECT COUNT(*) FROM collect_workers", Integer.class);
                if (up != null && up >= workers) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException notMigratedYet) {
                // the first worker is still running Flyway
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(workers + " worker(s) did not come up in two minutes");
    }
}
