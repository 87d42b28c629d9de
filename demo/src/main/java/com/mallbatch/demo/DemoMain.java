package com.mallbatch.demo;

import ch.qos.logback.classic.LoggerContext;
import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.admin.StartupFailure;
import com.mallbatch.jobs.launch.ExitCodes;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.localdb.EmbeddedMariaDb;
import com.mallbatch.sandbox.SandboxAccountsFile;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.writers.secret.CredentialCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily pipeline on a laptop: starts the bundled sandbox (Cafe24 malls and a SmartStore seller by API, seller
 * centers to crawl) and an embedded MariaDB (unless {@code --spring.datasource.url} is given), imports the sandbox's
 * accounts file, runs
 * collectJob for yesterday through the real application with progress lines, prints what it loaded per account and
 * where the data is, and exits with the job's exit code.
 *
 * <p>Options of its own (the rest goes to the application): {@code --keep-data[=DIR]} keeps the database and the
 * secret key in DIR (default {@code ~/.mallbatch/demo}) so a second run resumes on the same data; {@code --pause}
 * keeps the database up after the run, until Enter, to query it; {@code --serve} then serves the admin web on the
 * demo's data with a demo user per role, until Enter.
 */
public final class DemoMain {

    private static final String KEEP_DATA = "--keep-data";
    private static final String PAUSE = "--pause";
    private static final String SERVE = "--serve";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the demo; returns the exit code (the README's table). */
    public static int run(String... args) throws Exception {
        Logger log = LoggerFactory.getLogger(DemoMain.class);
        List<String> arguments = new ArrayList<>();
        Optional<Path> keep = Optional.empty();
        boolean pause = false;
        boolean serve = false;
        for (String arg : args) {
            if (arg.equals(KEEP_DATA)) {
                keep = Optional.of(Path.of(System.getProperty("user.home"), ".mallbatch", "demo"));
            } else if (arg.startsWith(KEEP_DATA + "=")) {
                keep = Optional.of(Path.of(arg.substring(KEEP_DATA.length() + 1)));
            } else if (arg.equals(PAUSE)) {
                pause = true;
            } else if (arg.equals(SERVE)) {
                serve = true;
            } else {
                arguments.add(arg);
            }
        }
        boolean ownDatabase = arguments.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))
                && System.getenv("SPRING_DATASOURCE_URL") == null;
        Path accountsFolder = Files.createTempDirectory("mallbatch-demo-");
        EmbeddedMariaDb embedded = null;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.small().withSmartStoreSellers(1).withSmartStoreRate(40), 0)) {
            String url;
            if (ownDatabase) {
                try {
                    embedded = EmbeddedMariaDb.start(keep.map(dir -> dir.resolve("db").toFile()).orElse(null));
                } catch (IllegalArgumentException e) {
                    log.error(e.getMessage());
                    return ExitCodes.CONFIGURATION;
                }
                try (Connection c = DriverManager.getConnection(embedded.serverUrl(), "root", "")) {
                    c.createStatement().execute("CREATE DATABASE IF NOT EXISTS mallbatch CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                url = embedded.serverUrl() + "mallbatch";
                arguments.add("--spring.datasource.url=" + url);
                arguments.add("--spring.datasource.username=root");
                log.info(keep.isPresent() ? "Using the embedded MariaDB kept in " + keep.get()
                        : "No spring.datasource.url given: using a temporary embedded MariaDB, gone when the demo exits "
                        + "(keep it with --keep-data)");
            } else {
                url = arguments.stream().filter(a -> a.startsWith("--spring.datasource.url=")).findFirst()
                        .map(a -> a.substring("--spring.datasource.url=".length())).orElse(System.getenv("SPRING_DATASOURCE_URL"));
            }
            secretKey(arguments, keep, log);
            arguments.add("--mallbatch.accounts-file=" + SandboxAccountsFile.write(sandbox, accountsFolder.resolve("accounts.yml"),
                    "demo", "데모 셀러"));
            arguments.add("--spring.main.log-startup-info=false");
            // the sandbox plays the ERP too; workbooks go beside the kept data, or into the demo's temporary folder
            if (arguments.stream().noneMatch(a -> a.startsWith("--mallbatch.erp.base-url="))) {
                arguments.add("--mallbatch.erp.base-url=" + sandbox.erpBaseUrl());
            }
            if (arguments.stream().noneMatch(a -> a.startsWith("--mallbatch.settlement.export-dir="))) {
                arguments.add("--mallbatch.settlement.export-dir="
                        + keep.map(dir -> dir.resolve("exports")).orElse(accountsFolder.resolve("exports")));
            }
            if (arguments.stream().noneMatch(a -> a.startsWith("--mallbatch.collect.progress-interval="))) {
                arguments.add("--mallbatch.collect.progress-interval=3s");
            }
            String yesterday = LocalDate.now(BusinessDate.SEOUL).minusDays(1).toString();
            boolean ownJob = arguments.stream().anyMatch(a -> a.startsWith("--spring.batch.job.name="));
            int exitCode = nightly(ownJob ? List.of("") : List.of("collectJob", "reconcileJob"), arguments, url,
                    ownDatabase, yesterday, log);
            if (exitCode == 0 || exitCode == 1) {
                System.out.println(DemoReport.loaded(jdbc(url, arguments)));
                System.out.println(DemoReport.reconciled(jdbc(url, arguments)));
                System.out.println(DemoReport.whereTheDataIs(url, keep, ownDatabase, pause, logFile()));
            }
            if (serve && exitCode <= 1) {
                DemoAdminWeb.serve(arguments, sandbox.faults(), LocalDate.parse(yesterday), accountsFolder, System.in);
            } else if (pause && embedded != null) {
                System.out.println("The database stays up for queries: " + embedded.serverUrl() + "mallbatch (user root, "
                        + "no password). Press Enter to stop.");
                System.in.read();
            }
            return exitCode;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            deleteFolder(accountsFolder);
        }
    }

    /**
     * The nightly pipeline, one job after the other: collect, then reconcile what was collected — also after a failed
     * collect, whose accounts get their freshness breaks. A job that already completed for the date in a kept database
     * is not run again. The exit code is the worst of the runs ({@code ""}: the one job the arguments name).
     */
    private static int nightly(List<String> jobs, List<String> arguments, String url, boolean ownDatabase, String date,
                               Logger log) {
        int exitCode = 0;
        for (String job : jobs) {
            if (!job.isEmpty() && ownDatabase && completed(url, job, date)) {
                log.info("{} for {} already completed in this database: nothing new to run", job, date);
                continue;
            }
            List<String> run = new java.util.ArrayList<>(arguments);
            if (!job.isEmpty()) {
                run.add("--spring.batch.job.name=" + job);
            }
            int code = run(run, url, log);
            if (code > 1) {
                return code; // refused or could not start: nothing after it can run either
            }
            exitCode = Math.max(exitCode, code);
        }
        return exitCode;
    }

    private static int run(List<String> arguments, String url, Logger log) {
        ConfigurableApplicationContext context;
        try {
            context = MallbatchApplication.run(arguments.toArray(String[]::new));
        } catch (RuntimeException failure) {
            StartupFailure why = StartupFailure.of(failure, url);
            log.error(why.line());
            log.debug("Start-up failure", failure);
            return why.exitCode();
        }
        return SpringApplication.exit(context);
    }

    /** The key comes from the environment or the arguments; kept data keeps its own; else a throwaway one. */
    private static void secretKey(List<String> arguments, Optional<Path> keep, Logger log) throws IOException {
        if (System.getenv(CredentialCipher.KEY_ENV) != null
                || arguments.stream().anyMatch(a -> a.startsWith("--mallbatch.secret-key="))) {
            return;
        }
        if (keep.isPresent()) {
            Path file = keep.get().resolve("secret.key");
            if (!Files.exists(file)) {
                Files.createDirectories(keep.get());
                Files.writeString(file, CredentialCipher.newKey());
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            arguments.add("--mallbatch.secret-key=" + Files.readString(file).strip());
            return;
        }
        arguments.add("--mallbatch.secret-key=" + CredentialCipher.newKey());
        log.warn("{} is not set: encrypting credentials with a throwaway key for this demo run only",
                CredentialCipher.KEY_ENV);
    }

    /** Whether the job already completed for the date in this database (a kept one). */
    private static boolean completed(String url, String job, String businessDate) {
        try {
            return jdbc(url, List.of()).queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                    + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID JOIN BATCH_JOB_EXECUTION_PARAMS p "
                    + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' "
                    + "AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?", Integer.class, job, businessDate) > 0;
        } catch (RuntimeException noTablesYet) {
            return false;
        }
    }

    /** The database the run used, with the user it was given (root without a password for the embedded one). */
    private static JdbcTemplate jdbc(String url, List<String> arguments) {
        return new JdbcTemplate(new SingleConnectionDataSource(url, argument(arguments, "spring.datasource.username", "root"),
                argument(arguments, "spring.datasource.password", ""), true));
    }

    private static String argument(List<String> arguments, String name, String otherwise) {
        String prefix = "--" + name + "=";
        return arguments.stream().filter(a -> a.startsWith(prefix)).reduce((a, b) -> b).map(a -> a.substring(prefix.length()))
                .orElse(otherwise);
    }

    /** The file the demo's full log goes to (logback.xml), the embedded database's own lines included. */
    private static String logFile() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getProperty("DEMO_LOG");
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
