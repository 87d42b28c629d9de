package com.mallbatch.admin;

import com.mallbatch.jobs.collect.SandboxWorld;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application as a child JVM, started exactly as ops would start it, to be killed and started again. */
final class ChildApp {

    private ChildApp() {
    }

    /** {@code java MallbatchApplication} against the world's schema, accounts file and key, with {@code args}. */
    static List<String> command(SandboxWorld world, Path accounts, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MallbatchApplication.class.getName());
        command.addAll(Arrays.asList(args));
        command.add("--spring.datasource.url=" + world.schema.jdbcUrl());
        command.add("--spring.datasource.username=" + world.schema.user());
        command.add("--spring.datasource.password=" + world.schema.password());
        command.add("--mallbatch.accounts-file=" + accounts);
        command.add("--mallbatch.secret-key=" + world.secretKey);
        return command;
    }

    /** Starts the command with its output in {@code target/logName}. */
    static Process start(List<String> command, String logName) throws IOException {
        File log = new File("target", logName);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** What a failing child said last, so a CI report shows the cause without the file. */
    static String logTail(String logName) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target", logName)).stream()
                .filter(line -> !line.startsWith("\tat ") && !line.contains("|-")).toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /** Waits until {@code countSql} counts at least {@code atLeast} while the child runs. */
    static void awaitCount(JdbcTemplate jdbc, String countSql, int atLeast, Process child) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            try {
                Integer count = jdbc.queryForObject(countSql, Integer.class);
                if (count != null && count >= atLeast) {
                    return;
                }
            } catch (org.springframework.dao.DataAccessException tableNotThereYet) {
                // Flyway has not created it yet
            }
            child.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("'" + countSql + "' never reached " + atLeast + " before the child ended or time ran out");
    }
}
