package com.mallbatch.localdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the machine's own MariaDB when it is installed but not running (as on a fresh CI machine), so the test
 * command needs no manual step, and lets root in over TCP with the empty password the tests use.
 */
final class InstalledMariaDb {

    private static final Logger log = LoggerFactory.getLogger(InstalledMariaDb.class);
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

    private InstalledMariaDb() {
    }

    /** True when a server answers on 127.0.0.1:{@code port} after this call. */
    static boolean ensureRunning(int port) {
        if (listening(port)) {
            return true;
        }
        if (!Files.isExecutable(SERVER)) {
            return false;
        }
        log.info("MariaDB is installed but not running: starting {}", SERVER);
        run(List.of("mkdir", "-p", "/run/mysqld"));
        run(List.of("chown", "mysql:mysql", "/run/mysqld"));
        run(List.of("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", SERVER.toString(),
                "--", "--user=mysql"));
        for (int i = 0; i < 60 && !listening(port); i++) {
            sleep();
        }
        if (listening(port)) {
            // root may be socket-only on a fresh install; the tests connect over TCP with an empty password
            run(List.of("mariadb", "-uroot", "-e", "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password "
                    + "USING PASSWORD('') OR unix_socket"));
            return true;
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                log.warn("{} failed: {}", String.join(" ", command), output.strip());
            }
        } catch (IOException e) {
            log.warn("{} could not run: {}", String.join(" ", command), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
