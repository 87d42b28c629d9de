package com.mallbatch.admin.scaleout;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.jobs.collect.ExpectedRows;
import com.mallbatch.jobs.collect.GroundTruth;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.localdb.LocalServices;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scale-out installation on this machine for one test: worker and manager processes of the deployable app, each a
 * child JVM run exactly as ops would run it ({@code java -cp … MallbatchApplication …}), against the test's sandbox
 * malls, its throwaway schema, the machine's RabbitMQ (a queue of the test's own, deleted at the end) and Redis, with
 * short heartbeats (1 s, dead after 4 s) so a killed worker is noticed in seconds. Each child logs to
 * {@code target/scaleout/<test>-<child>.log}; assertions about a child carry the tail of its log.
 */
final class ScaleOutCluster implements AutoCloseable {

    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(4);
    private static final Path LOGS = Path.of("target", "scaleout");

    /** A child process: a worker (until killed) or one manager run (until it exits). */
    record Child(String name, Process process, Path log) {

        boolean alive() {
            return process.isAlive();
        }

        String tail() {
            return ScaleOutCluster.tail(log, 30);
        }

        /** Lines of the log containing {@code text}. */
        List<String> lines(String text) {
            try {
                return Files.readAllLines(log).stream().filter(line -> line.contains(text)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final SandboxWorld world;
    final String test;
    private final int brokerPort;
    final String queue;
    final JdbcTemplate jdbc;
    private final Path accounts;
    private final SingleConnectionDataSource connection;
    private final List<Child> children = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Workers never exit by themselves: should this JVM end without {@link #close}, they must not live on. */
    private final Thread killChildren = new Thread(this::killAll, "scaleout-cluster-cleanup");
    private final CachingConnectionFactory rabbitConnections;
    final RabbitAdmin rabbitAdmin;
    final RabbitTemplate rabbit;

    /** On the machine's RabbitMQ (started if installed and not running). */
    ScaleOutCluster(SandboxWorld world, String test) {
        this(world, test, ensureRabbitMq());
    }

    /** On the RabbitMQ at 127.0.0.1:{@code brokerPort}, e.g. a {@link com.mallbatch.localdb.PrivateRabbitMq}. */
    ScaleOutCluster(SandboxWorld world, String test, int brokerPort) {
        LocalServices.ensureRedis();
        this.world = world;
        this.test = test;
        this.brokerPort = brokerPort;
        this.queue = "mallbatch.test." + test + "." + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        try {
            Files.createDirectories(LOGS);
            this.accounts = world.writeAccountsFile(Files.createTempFile("accounts-" + test, ".yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.connection = new SingleConnectionDataSource(world.schema.jdbcUrl(), world.schema.user(),
                world.schema.password(), true);
        this.jdbc = new JdbcTemplate(connection);
        this.rabbitConnections = new CachingConnectionFactory("127.0.0.1", brokerPort);
        rabbitConnections.setUsername("guest");
        rabbitConnections.setPassword("guest");
        this.rabbitAdmin = new RabbitAdmin(rabbitConnections);
        this.rabbit = new RabbitTemplate(rabbitConnections);
        Runtime.getRuntime().addShutdownHook(killChildren);
    }

    private static int ensureRabbitMq() {
        LocalServices.ensureRabbitMq();
        return LocalServices.RABBITMQ_PORT;
    }

    /**
     * Starts a worker named {@code <test>-<name>} running {@code concurrency} partitions at a time, with {@code extra}
     * options of its own.
     */
    Child startWorker(String name, int concurrency, String... extra) {
        List<String> args = new ArrayList<>(common(extra));
        args.add("--mallbatch.collect.mode=worker");
        args.add("--mallbatch.collect.remote.worker-name=" + test + "-" + name);
        args.add("--mallbatch.collect.remote.worker-concurrency=" + concurrency);
        args.add("--mallbatch.rate-limits.redis-url=redis://127.0.0.1:" + LocalServices.REDIS_PORT);
        return start(name, args);
    }

    /**
     * Starts the manager command — the same every time, as an operator (or the scheduler) would run it again after a
     * failure: collectJob for the sandbox's business date, importing the accounts file first; {@code extra} options
     * replace the cluster's own.
     */
    Child startManager(String name, String... extra) {
        List<String> args = new ArrayList<>(common(extra));
        args.add("--spring.batch.job.name=collectJob");
        args.add("businessDate=" + BUSINESS_DATE);
        args.add("--mallbatch.collect.mode=manager");
        args.add("--mallbatch.accounts-file=" + accounts);
        return start(name, args);
    }

    /** Waits until every given worker beats in collect_workers and all their consumers listen on the queue. */
    void awaitWorkers(int consumers, Child... workers) {
        for (Child worker : workers) {
            await(Duration.ofSeconds(90), () -> workerName(worker).isPresent(), "worker " + worker.name()
                    + " to beat in collect_workers", workers);
        }
        await(Duration.ofSeconds(30), () -> consumers() >= consumers, consumers + " consumers on " + queue, workers);
    }

    /** The name a worker beats under ({@code <test>-<name>#<random>}), once it has written its first beat. */
    Optional<String> workerName(Child worker) {
        try {
            return jdbc.queryForList("SELECT worker FROM collect_workers WHERE worker LIKE ?", String.class,
                    test + "-" + worker.name() + "#%").stream().findFirst();
        } catch (DataAccessException notMigratedYet) {
            return Optional.empty();
        }
    }

    String workerNameOf(Child worker) {
        return workerName(worker).orElseThrow(() -> new AssertionError(worker.name() + " never beat"));
    }

    int consumers() {
        QueueInformation info = rabbitAdmin.getQueueInfo(queue);
        return info == null ? 0 : info.getConsumerCount();
    }

    long queued() {
        QueueInformation info = rabbitAdmin.getQueueInfo(queue);
        return info == null ? 0 : info.getMessageCount();
    }

    /** The manager's exit code; fails with its log's tail when it does not end in time. */
    int exitCode(Child manager, Duration timeout) {
        try {
            if (!manager.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(manager.name() + " did not end within " + timeout + "; its log ends:\n"
                        + manager.tail() + "\n" + otherTails(manager));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return manager.process().exitValue();
    }

    /** SIGKILL: no shutdown hook runs, no connection is closed politely, nothing is acknowledged. */
    /** The worker's open claims whose account has committed products: it is in the middle of them. */
    Set<String> midPartition(Child worker) {
        String name = workerName(worker).orElse("?");
        return new TreeSet<>(jdbc.queryForList("SELECT c.partition_name FROM collect_partition_claims c "
                + "JOIN mall_accounts a ON c.partition_name = CONCAT('collectAccount:acme/CAFE24/', a.account_key) "
                + "WHERE c.worker = ? AND c.ended_at IS NULL AND EXISTS (SELECT 1 FROM products p WHERE "
                + "p.account_id = a.id)", String.class, name));
    }

    /** SIGTERM, as a service manager stops a process: the child shuts down on its own. */
    void stop(Child child) {
        child.process().destroy();
    }

    void kill(Child child) {
        child.process().destroyForcibly();
        try {
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).as("%s died", child.name()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for {@code condition}, failing with the children's log tails if one of {@code mustLive} dies first. */
    void await(Duration timeout, BooleanSupplier condition, String what, Child... mustLive) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            for (Child child : mustLive) {
                if (!child.alive()) {
                    throw new AssertionError(child.name() + " ended (exit " + child.process().exitValue()
                            + ") while waiting for " + what + "; its log ends:\n" + child.tail());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "\n" + otherTails(null));
            }
            sleep(100);
        }
    }

    /** Every child's log tail but {@code except}'s: what the rest of the cluster said, for an assertion message. */
    String otherTails(Child except) {
        return children.stream().filter(c -> c != except)
                .map(c -> "--- " + c.name() + (c.alive() ? " (alive)" : " (exit " + c.process().exitValue() + ")")
                        + ":\n" + tail(c.log(), 12))
                .collect(Collectors.joining("\n"));
    }

    // ---- what the job repository and the claims say ----

    /** Rows of BATCH_STEP_EXECUTION still STARTING or STARTED, any execution: none may be left once a run ended. */
    List<String> stepsLeftRunning() {
        return jdbc.queryForList("SELECT CONCAT(STEP_NAME, ' ', STATUS, ' (execution ', JOB_EXECUTION_ID, ')') FROM "
                + "BATCH_STEP_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED') ORDER BY STEP_EXECUTION_ID", String.class);
    }

    /** Partition name → status of one job execution's partitions. */
    Map<String, String> partitions(long jobExecutionId) {
        return jdbc.query("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE "
                + "'collectAccount:%' ORDER BY STEP_NAME", rs -> {
            Map<String, String> partitions = new java.util.TreeMap<>();
            while (rs.next()) {
                partitions.put(rs.getString(1), rs.getString(2));
            }
            return partitions;
        }, jobExecutionId);
    }

    List<Long> jobExecutions() {
        return jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", Long.class);
    }

    String jobStatus(long jobExecutionId) {
        return jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                jobExecutionId);
    }

    /**
     * The claims as they must be after runs that ended: exactly one per partition step execution of the given job
     * executions, none open, each on a worker that beat.
     */
    void assertOneClaimPerPartition(long... jobExecutionIds) {
        for (long id : jobExecutionIds) {
            List<Long> partitions = jdbc.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE "
                    + "JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'collectAccount:%' AND STATUS <> 'FAILED' ORDER BY 1",
                    Long.class, id);
            List<Long> claimed = jdbc.queryForList("SELECT c.step_execution_id FROM collect_partition_claims c JOIN "
                    + "BATCH_STEP_EXECUTION s ON s.STEP_EXECUTION_ID = c.step_execution_id WHERE c.job_execution_id = ? "
                    + "AND s.STATUS <> 'FAILED' ORDER BY 1", Long.class, id);
            assertThat(claimed).as("claims of the partitions that ran in execution %s", id).isEqualTo(partitions);
        }
        assertThat(jdbc.queryForList("SELECT CONCAT(partition_name, ' on ', worker) FROM collect_partition_claims "
                + "WHERE ended_at IS NULL", String.class)).as("claims still open").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM collect_partition_claims c LEFT JOIN collect_workers w "
                + "ON w.worker = c.worker WHERE w.worker IS NULL", Integer.class)).as("claims by unknown workers").isZero();
    }

    /**
     * Every sandbox mall's rows equal its ground truth, and its collect_stats count the whole account-day once (a
     * partition resumed after a kill adds to what its first run committed, it does not count it again).
     */
    void assertGroundTruth() {
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long id = accountId(mall.mallId());
            GroundTruth.assertMall(jdbc, mall, id, BUSINESS_DATE);
            ExpectedRows expected = new ExpectedRows(id, mall.groundTruth());
            LocalDate from = BUSINESS_DATE.minusDays(GroundTruth.LOOKBACK);
            int orders = expected.orders(from, BUSINESS_DATE).size();
            assertThat(jdbc.queryForList("SELECT CONCAT(entity, ' ', read_count, '/', write_count) FROM collect_stats "
                    + "WHERE account_id = ? ORDER BY entity", String.class, id))
                    .as("collect_stats of %s", mall.mallId())
                    .containsExactly("category " + expected.categories().size() + "/" + expected.categories().size(),
                            "category product " + expected.categoryMemberships().size() + "/"
                                    + expected.categoryMemberships().size(),
                            "order " + orders + "/" + orders,
                            "product " + expected.products().size() + "/" + expected.products().size(),
                            "variant " + expected.variants().size() + "/" + expected.variants().size());
        }
    }

    long accountId(String mallId) {
        return jdbc.queryForObject("SELECT id FROM mall_accounts WHERE account_key = ?", Long.class, mallId);
    }

    /** The partition (step) name of a sandbox mall: {@code collectAccount:acme/CAFE24/<mallId>}. */
    static String partitionOf(String mallId) {
        return "collectAccount:acme/CAFE24/" + mallId;
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killChildren);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try {
            rabbitAdmin.deleteQueue(queue);
        } catch (RuntimeException e) {
            // the broker is gone: nothing of ours is left in it either
        }
        rabbitConnections.destroy();
        connection.destroy();
        try {
            Files.deleteIfExists(accounts);
        } catch (IOException e) {
            // a temporary file
        }
    }

    private void killAll() {
        for (Child child : children) {
            if (child.alive()) {
                child.process().destroyForcibly();
            }
        }
        for (Child child : children) {
            try {
                child.process().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- processes ----

    /** The options every child gets, the {@code extra} ones first: an option given twice would become a list. */
    private List<String> common(String... extra) {
        List<String> options = new ArrayList<>(List.of(extra));
        for (String option : List.of(
                "--spring.datasource.url=" + world.schema.jdbcUrl(),
                "--spring.datasource.username=" + world.schema.user(),
                "--spring.datasource.password=" + world.schema.password(),
                "--mallbatch.secret-key=" + world.secretKey,
                "--spring.rabbitmq.host=127.0.0.1",
                "--spring.rabbitmq.port=" + brokerPort,
                "--mallbatch.collect.remote.queue=" + queue,
                "--mallbatch.collect.remote.poll-interval=500ms",
                "--mallbatch.collect.remote.timeout=5m",
                "--mallbatch.collect.remote.heartbeat-interval=" + HEARTBEAT_INTERVAL.toMillis() + "ms",
                "--mallbatch.collect.remote.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toMillis() + "ms")) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (options.stream().noneMatch(o -> o.startsWith(key))) {
                options.add(option);
            }
        }
        return options;
    }

    private Child start(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // small, quick-starting JVMs: several share two cores with the sandbox, MariaDB and RabbitMQ
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MallbatchApplication.class.getName());
        command.addAll(args);
        Path log = LOGS.resolve(test + "-" + name + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Child child = new Child(name, process, log);
            children.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code count} lines of a log, stack frames left out. */
    static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... ") && !line.contains("|-"))
                    .toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
