package com.mallbatch.localdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own RabbitMQ and Redis for tests that run the scale-out (manager, workers, shared budgets), started
 * when installed but not running — as {@link InstalledMariaDb} does for MariaDB — so the test command needs no manual
 * step on a fresh CI machine. When one is not installed the test fails with one line naming the apt package.
 */
public final class LocalServices {

    public static final int RABBITMQ_PORT = 5672;
    public static final int REDIS_PORT = 6379;
    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);

    private LocalServices() {
    }

    /** RabbitMQ answers on 127.0.0.1:5672 (guest/guest) after this call, or it throws saying why in one line. */
    public static synchronized void ensureRabbitMq() {
        if (listening(RABBITMQ_PORT)) {
            return;
        }
        Path server = Path.of("/usr/sbin/rabbitmq-server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException("RabbitMQ is not running on 127.0.0.1:" + RABBITMQ_PORT
                    + " and not installed: apt-get install rabbitmq-server");
        }
        log.info("RabbitMQ is installed but not running: starting it");
        if (!(Files.exists(Path.of("/etc/init.d/rabbitmq-server"))
                && run(List.of("service", "rabbitmq-server", "start"), Duration.ofSeconds(90)))) {
            run(List.of(server.toString(), "-detached"), Duration.ofSeconds(30));
        }
        await(RABBITMQ_PORT, Duration.ofSeconds(90), "RabbitMQ",
                "see /var/log/rabbitmq/ or start it by hand: service rabbitmq-server start");
    }

    /** Redis answers on 127.0.0.1:6379 after this call, or it throws saying why in one line. */
    public static synchronized void ensureRedis() {
        if (listening(REDIS_PORT)) {
            return;
        }
        Path server = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException("Redis is not running on 127.0.0.1:" + REDIS_PORT
                    + " and not installed: apt-get install redis-server");
        }
        log.info("Redis is installed but not running: starting it");
        if (!(Files.exists(Path.of("/etc/init.d/redis-server"))
                && run(List.of("service", "redis-server", "start"), Duration.ofSeconds(30)) && wait(REDIS_PORT, Duration.ofSeconds(10)))) {
            run(List.of(server.toString(), "--daemonize", "yes", "--bind", "127.0.0.1", "--port", String.valueOf(REDIS_PORT)),
                    Duration.ofSeconds(30));
        }
        await(REDIS_PORT, Duration.ofSeconds(30), "Redis", "start it by hand: redis-server --daemonize yes");
    }

    private static void await(int port, Duration timeout, String name, String hint) {
        if (!wait(port, timeout)) {
            throw new IllegalStateException(name + " was started but does not answer on 127.0.0.1:" + port + " after "
                    + timeout.toSeconds() + " s; " + hint);
        }
    }

    private static boolean wait(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!listening(port)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                log.warn("{} did not return within {} s", String.join(" ", command), timeout.toSeconds());
                return false;
            }
            if (process.exitValue() != 0) {
                log.warn("{} exited with {}", String.join(" ", command), process.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("{} could not run: {}", String.join(" ", command), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
