package com.mallbatch.bench;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One nightly collect of a fleet — K sandbox Cafe24 malls at Cafe24's real budget plus M crawled seller centers — on
 * this machine, the sandbox in a JVM of its own. Measures seller-days per hour, rows per second, the collector's peak
 * heap, threads and database connections, calls per mall against what its leaky bucket allowed, 429s, and how the CPU
 * time split between the sandbox, the collector and MariaDB. With {@code brokenEvery = n}, every n-th mall's orders
 * path is down for the whole run: those accounts fail, the others must complete.
 */
final class FleetBench {

    record Result(String scenario, int accounts, int failedAccounts, long rows, Duration wall, long peakHeapMb,
                  int peakThreads, int peakConnections, double callsPerMall, double allowedPerMall, long rejected429,
                  Duration sandboxCpu, Duration collectorCpu, Duration databaseCpu) {

        double sellerDaysPerHour() {
            return accounts / (wall.toMillis() / 3_600_000.0);
        }

        double rowsPerSecond() {
            return rows / (wall.toMillis() / 1000.0);
        }
    }

    record Fleet(int malls, int products, int ordersPerDay, int crawled, int concurrency) {
    }

    private FleetBench() {
    }

    static Result run(String scenario, Fleet fleet, int brokenEvery) throws Exception {
        try (SandboxProcess sandbox = sandbox(fleet);
             ThrowawaySchema schema = ThrowawaySchema.create("bench_fleet");
             ConfigurableApplicationContext context = collector(schema, fleet, CredentialCipher.newKey())) {
            return collect(scenario, fleet, brokenEvery, sandbox, context);
        }
    }

    /** The fleet's sandbox, in a JVM of its own. */
    static SandboxProcess sandbox(Fleet fleet) throws Exception {
        return SandboxProcess.start(List.of("--malls=" + fleet.malls(), "--products=" + fleet.products(),
                "--variants=3", "--orders=" + fleet.ordersPerDay(), "--days=10", "--bucket=40", "--leak=2",
                "--html-centers=" + fleet.crawled(), "--next-centers=0", "--line-centers=0", "--session-requests=100000",
                "--cached-malls=" + 4 * fleet.concurrency()));
    }

    /** The jobs on the schema, set up to collect the fleet {@code fleet.concurrency()} accounts at a time. */
    static ConfigurableApplicationContext collector(ThrowawaySchema schema, Fleet fleet, String secretKey) {
        return BenchContext.startWithKey(schema, secretKey,
                "spring.datasource.hikari.maximum-pool-size=" + (fleet.concurrency() + 8),
                "mallbatch.collect.concurrency=" + fleet.concurrency(),
                "logging.level.com.mallbatch=WARN");
    }

    /**
     * Registers every sandbox mall and seller center (tenant {@code fleet-<id>} each) and collects yesterday (Seoul)
     * for all of them through collectJob; the date collected is {@link #businessDate()}.
     */
    static Result collect(String scenario, Fleet fleet, int brokenEvery, SandboxProcess sandbox,
                          ConfigurableApplicationContext context) throws Exception {
        register(context.getBean(JdbcMallAccounts.class), sandbox);
        List<String> broken = brokenMalls(sandbox, brokenEvery);
        if (!broken.isEmpty()) {
            sandbox.outages(broken.stream().map(m -> "/cafe24/" + m + "/api/v2/admin/orders").toList());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PeakSampler peaks = new PeakSampler(context.getBean(DataSource.class));
        Duration sandboxCpu0 = sandbox.cpu();
        Duration collectorCpu0 = collectorCpu();
        Duration databaseCpu0 = databaseCpu();
        System.gc();
        threads.resetPeakThreadCount();
        peaks.start();
        long started = System.nanoTime();
        JobExecution execution = context.getBean(JobOperator.class).start(context.getBean("collectJob", Job.class),
                new JobParametersBuilder().addString("businessDate",
                        businessDate().toString()).toJobParameters());
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        peaks.stop();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        int accounts = jdbc.queryForObject("SELECT COUNT(*) FROM mall_accounts", Integer.class);
        int failed = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collectAccount:%' "
                + "AND STATUS = 'FAILED'", Integer.class);
        if (failed != broken.size() || (broken.isEmpty() && execution.getStatus() != BatchStatus.COMPLETED)) {
            throw new IllegalStateException("collectJob ended " + execution.getStatus() + " with " + failed
                    + " failed account(s), " + broken.size() + " expected: " + execution.getExitStatus().getExitDescription());
        }
        long rows = 0;
        for (String table : List.of("categories", "product_categories", "products", "variants", "stock_levels",
                "orders", "order_lines")) {
            rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        }
        long calls = 0;
        long rejected = 0;
        for (JsonNode mall : sandbox.stats()) {
            calls += mall.path("accepted_calls").asLong();
            rejected += mall.path("rejected_429").asLong();
        }
        double seconds = wall.toMillis() / 1000.0;
        return new Result(scenario, accounts, failed, rows, wall, peaks.heapMb(), threads.getPeakThreadCount(),
                peaks.connections(), (double) calls / fleet.malls(), 40 + 2 * seconds, rejected,
                sandbox.cpu().minus(sandboxCpu0), collectorCpu().minus(collectorCpu0), databaseCpu().minus(databaseCpu0));
    }

    /** The date the fleet is collected for: yesterday in Seoul. */
    static LocalDate businessDate() {
        return LocalDate.now(ZoneId.of("Asia/Seoul")).minusDays(1);
    }

    private static void register(JdbcMallAccounts accounts, SandboxProcess sandbox) {
        for (JsonNode mall : sandbox.malls.path("cafe24")) {
            accounts.register(new JdbcMallAccounts.Registration("fleet-" + mall.path("mall_id").asString(), "셀러",
                    Platform.CAFE24, mall.path("mall_id").asString(), mall.path("base_url").asString(),
                    RateBudget.CAFE24_DEFAULT, null, true, new MallCredentials(mall.path("client_id").asString(),
                    mall.path("client_secret").asString(), mall.path("refresh_token").asString(), null, null)));
        }
        for (JsonNode center : sandbox.malls.path("sellerCenters")) {
            accounts.register(new JdbcMallAccounts.Registration("fleet-" + center.path("id").asString(), "셀러",
                    Platform.CRAWL, center.path("id").asString(), center.path("base_url").asString(),
                    RateBudget.CAFE24_DEFAULT, "stylemarket", true, new MallCredentials(center.path("username").asString(),
                    center.path("password").asString(), null, null, null)));
        }
    }

    private static List<String> brokenMalls(SandboxProcess sandbox, int every) {
        List<String> broken = new ArrayList<>();
        int n = 0;
        for (JsonNode mall : sandbox.malls.path("cafe24")) {
            if (every > 0 && ++n % every == 0) {
                broken.add(mall.path("mall_id").asString());
            }
        }
        return broken;
    }

    static Duration collectorCpu() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }

    /** mariadbd's user + system time, from /proc (clock ticks of 10 ms); zero where it cannot be read. */
    static Duration databaseCpu() {
        try {
            Process pgrep = new ProcessBuilder("pgrep", "-o", "mariadbd").start();
            String pid = new String(pgrep.getInputStream().readAllBytes()).trim();
            if (pid.isEmpty()) {
                return Duration.ZERO;
            }
            String[] stat = Files.readString(Path.of("/proc", pid, "stat")).split(" ");
            return Duration.ofMillis((Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 10);
        } catch (Exception e) {
            return Duration.ZERO;
        }
    }

    /**
     * The most heap in use and the most pool connections in use at once, sampled every 20 ms: the heap as a whole
     * (summing each pool's own peak would add peaks reached at different times).
     */
    static final class PeakSampler {
        private final HikariDataSource pool;
        private final AtomicLong heap = new AtomicLong();
        private final AtomicInteger connections = new AtomicInteger();
        private volatile boolean running;

        PeakSampler(DataSource dataSource) {
            this.pool = (HikariDataSource) dataSource;
        }

        void start() {
            running = true;
            Thread thread = new Thread(() -> {
                while (running) {
                    heap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    connections.accumulateAndGet(pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long heapMb() {
            return heap.get() / (1024 * 1024);
        }

        int connections() {
            return connections.get();
        }
    }
}
