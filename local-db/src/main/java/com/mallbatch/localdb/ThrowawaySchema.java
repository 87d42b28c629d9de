package com.mallbatch.localdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A schema of its own on a real MySQL-compatible server, dropped when closed (or when the JVM exits). The server is
 * the one at {@code mallbatch.db.server-url} (default {@code jdbc:mysql://127.0.0.1:3306/}, user root, empty
 * password), started first if MariaDB is installed there but not running; where none answers, an embedded MariaDB
 * is started once per JVM instead.
 */
public final class ThrowawaySchema implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThrowawaySchema.class);
    /** Connector/J settings the project relies on: multi-row batches and LOAD DATA streamed from memory. */
    public static final String CONNECTION_OPTIONS = "rewriteBatchedStatements=true&allowLoadLocalInfile=true";
    private static EmbeddedMariaDb fallback;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final java.util.List<String> users = new java.util.ArrayList<>();
    private boolean dropped;

    /** A database user made for this schema. */
    public record User(String name, String password) {
    }

    private ThrowawaySchema(String serverUrl, String user, String password, String schema) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public static ThrowawaySchema create(String prefix) {
        String url = System.getProperty("mallbatch.db.server-url", "jdbc:mysql://127.0.0.1:3306/");
        String user = System.getProperty("mallbatch.db.user", "root");
        String password = System.getProperty("mallbatch.db.password", "");
        if (url.startsWith("jdbc:mysql://127.0.0.1:3306/")) {
            InstalledMariaDb.ensureRunning(3306);
        }
        if (!reachable(url, user, password)) {
            url = embeddedServer();
        }
        String schema = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        ThrowawaySchema created = new ThrowawaySchema(url, user, password, schema);
        created.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Runtime.getRuntime().addShutdownHook(new Thread(created::close));
        return created;
    }

    public String jdbcUrl() {
        return serverUrl + schema + "?" + CONNECTION_OPTIONS;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    /**
     * A user of this schema made by {@code script} — statements separated by {@code ;}, with {@code ${schema}},
     * {@code ${user}} and {@code ${password}} in them — and dropped with the schema.
     */
    public synchronized User createUser(String script) {
        User user = new User("app_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff)),
                Long.toHexString(ThreadLocalRandom.current().nextLong()));
        users.add(user.name());
        String sql = script.replaceAll("(?m)^--.*$", "").replace("${schema}", schema).replace("${user}", user.name())
                .replace("${password}", user.password());
        for (String statement : sql.split(";")) {
            if (!statement.isBlank()) {
                execute(statement.strip());
            }
        }
        return user;
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            for (String user : users) {
                try {
                    execute("DROP USER IF EXISTS '" + user + "'@'%'");
                } catch (IllegalStateException e) {
                    log.warn("Could not drop user {}", user, e);
                }
            }
            try {
                execute("DROP DATABASE IF EXISTS " + schema);
            } catch (IllegalStateException e) {
                log.warn("Could not drop {}", schema, e);
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl, e);
        }
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url + "?connectTimeout=2000", user, password)) {
            return true;
        } catch (SQLException e) {
            log.warn("No database server answers at {} ({}); using an embedded MariaDB", url, e.getMessage());
            return false;
        }
    }

    private static synchronized String embeddedServer() {
        if (fallback == null) {
            fallback = EmbeddedMariaDb.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(fallback::close));
        }
        return fallback.serverUrl();
    }
}
