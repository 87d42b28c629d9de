package com.mallbatch.localdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of a test's own — the machine's installed server, started as a second node on free ports with its
 * data in a temporary directory — for a test that restarts the broker ({@code rabbitmqctl stop_app} /
 * {@code start_app}) without cutting off anyone else who uses the machine's broker. Removed when closed.
 */
public final class PrivateRabbitMq implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrivateRabbitMq.class);
    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");

    private final Path dir;
    private final int port;
    private final String node;
    private final Map<String, String> environment;

    private PrivateRabbitMq(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.node = "mallbatch" + port + "@localhost";
        this.environment = Map.of(
                "HOME", dir.resolve("home").toString(), // its Erlang cookie, shared with rabbitmqctl
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_PORT", String.valueOf(port),
                "RABBITMQ_DIST_PORT", String.valueOf(freePort()),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("pid").toString());
    }

    /** Starts a node and returns once it accepts AMQP connections (guest/guest from this machine). */
    public static PrivateRabbitMq start() {
        if (!Files.isExecutable(BIN.resolve("rabbitmq-server"))) {
            throw new IllegalStateException("RabbitMQ is not installed: apt-get install rabbitmq-server");
        }
        try {
            Path dir = Files.createTempDirectory("mallbatch-rabbitmq");
            Files.createDirectories(dir.resolve("home"));
            Files.writeString(dir.resolve("enabled_plugins"), "[].");
            PrivateRabbitMq broker = new PrivateRabbitMq(dir, freePort());
            broker.run(Duration.ofSeconds(30), "rabbitmq-server", "-detached");
            broker.ctl(Duration.ofSeconds(90), "wait", dir.resolve("pid").toString(), "--timeout", "90");
            broker.awaitListening(Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            log.info("Private RabbitMQ node {} on 127.0.0.1:{}", broker.node, broker.port);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * {@code rabbitmqctl stop_app && rabbitmqctl start_app}: every connection is closed, unacknowledged messages go
     * back to their queues, durable queues and persistent messages come back; returns once it listens again.
     */
    public void restart() {
        ctl(Duration.ofSeconds(60), "stop_app");
        ctl(Duration.ofSeconds(60), "start_app");
        awaitListening(Duration.ofSeconds(30));
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            ctl(Duration.ofSeconds(60), "stop");
        } catch (RuntimeException e) {
            log.warn("Could not stop RabbitMQ node {}: {}", node, e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not remove {}", dir, e);
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!LocalServices.listening(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("RabbitMQ node " + node + " does not listen on " + port + "; see " + dir.resolve("log"));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void ctl(Duration timeout, String... args) {
        List<String> all = new ArrayList<>(List.of("-n", node));
        all.addAll(List.of(args));
        run(timeout, "rabbitmqctl", all.toArray(String[]::new));
    }

    private void run(Duration timeout, String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(tool + ".out").toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not return within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve(tool + ".out")).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
