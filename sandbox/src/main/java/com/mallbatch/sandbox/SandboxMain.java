package com.mallbatch.sandbox;

import com.mallbatch.sandbox.cafe24.Cafe24Platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the sandbox on its own: {@code java -jar sandbox/target/mallbatch-sandbox.jar --port=8089 --seed=42 --malls=3
 * --products=150 --variants=4 --orders=40 --days=10 --leak=2 --html-centers=2 --next-centers=1 --line-centers=1
 * --session-requests=10000 --smartstore-sellers=1 --accounts-file=sandbox-accounts.yml}. Prints every mall and seller center with its
 * starting credentials and, with {@code --accounts-file}, writes them as mallbatch's accounts file
 * ({@link SandboxAccountsFile}). {@code --help} lists every option.
 */
public final class SandboxMain {

    static final String USAGE = """
            Usage: java -jar sandbox/target/mallbatch-sandbox.jar [--option=value ...]

            Plays Cafe24 malls, Naver SmartStore sellers, crawl-only seller centers, an ERP and webhooks over HTTP on
            127.0.0.1 until stopped.

              --port=8089              port to listen on (0: any free port; the URL is printed)
              --accounts-file=PATH     write every mall and seller center as mallbatch's accounts file (YAML),
                                       with this run's URLs and credentials; rewritten at every start
              --tenant=sandbox         tenant key of the accounts in that file
              --tenant-name=NAME       tenant name (default 샌드박스 셀러)
              --seed=42                drives every generated value (same seed, same data and credentials)
              --malls=3                Cafe24 malls: sandbox01, sandbox02, ...
              --html-centers=2         HTML-table seller centers: stylemarket01, ...   (profile stylemarket)
              --next-centers=1         __NEXT_DATA__ seller centers: nextshop01, ...   (profile nextshop)
              --line-centers=1         line-per-row seller centers: easyseller01, ...  (profile easyseller)
              --smartstore-sellers=0   Naver SmartStore sellers by the Commerce API: smartstore01, ... (0..99)
              --smartstore-sellers-per-app=1
                                       SmartStore sellers one Commerce API application reads (1: own-store apps,
                                       type=SELF tokens; more: a solution's app, type=SELLER tokens, shared limits)
              --smartstore-rate=10     SmartStore gateway calls per second per API and application (burst: twice)
              --products=150           products per mall and seller center
              --variants=4             at most this many variants per product (1..36)
              --orders=40              orders per day per mall
              --days=10                days of order history before today
              --today=YYYY-MM-DD       the sandbox's today (Asia/Seoul; default: the real today)
              --bucket=40              Cafe24 leaky-bucket size
              --leak=2                 Cafe24 leaky-bucket drain, calls per second
              --token-ttl=7200         Cafe24 access-token lifetime, seconds
              --session-requests=10000 requests a seller-center login session serves before it expires
              --cached-malls=64        Cafe24 malls whose generated data stays in memory
              --help                   this text
            """;

    private static final Set<String> OPTIONS = Set.of("port", "accounts-file", "tenant", "tenant-name", "seed", "malls",
            "html-centers", "next-centers", "line-centers", "products", "variants", "orders", "days", "today", "bucket",
            "leak", "token-ttl", "session-requests", "cached-malls", "smartstore-sellers", "smartstore-sellers-per-app",
            "smartstore-rate", "help");

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        SandboxServer sandbox;
        try {
            Map<String, String> opts = options(args);
            if (opts.containsKey("help")) {
                System.out.print(USAGE);
                return;
            }
            sandbox = start(opts);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        } catch (java.net.BindException e) {
            System.err.println("Cannot listen on 127.0.0.1:" + options(args).getOrDefault("port", "8089") + " ("
                    + e.getMessage() + "); pick another port with --port=N, or --port=0 for any free one");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
    }

    /**
     * Starts the sandbox as {@code main} does, prints what it plays and writes the accounts file if asked, and returns
     * it running (for tests; {@code main} then waits until the JVM is stopped).
     */
    public static SandboxServer start(String... args) throws IOException {
        return start(options(args));
    }

    private static SandboxServer start(Map<String, String> opts) throws IOException {
        SandboxConfig config;
        int port;
        int cachedMalls;
        try {
            config = config(opts);
            port = Integer.parseInt(opts.getOrDefault("port", "8089"));
            cachedMalls = Integer.parseInt(opts.getOrDefault("cached-malls", String.valueOf(Cafe24Platform.DEFAULT_CACHED_MALLS)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad option: " + e.getMessage(), e);
        }
        SandboxServer sandbox = SandboxServer.start(config, port, cachedMalls);
        try {
            Path accountsFile = null;
            if (opts.containsKey("accounts-file")) {
                accountsFile = SandboxAccountsFile.write(sandbox, Path.of(opts.get("accounts-file")),
                        opts.getOrDefault("tenant", SandboxAccountsFile.DEFAULT_TENANT_KEY),
                        opts.getOrDefault("tenant-name", SandboxAccountsFile.DEFAULT_TENANT_NAME)).toAbsolutePath();
            }
            Map<String, Object> malls = new LinkedHashMap<>();
            malls.put("cafe24", sandbox.cafe24().mallDescriptors(sandbox::cafe24BaseUrl));
            malls.put("sellerCenters", sandbox.sellerCenters().descriptors(sandbox::sellerCenterBaseUrl));
            malls.put("smartstore", sandbox.smartStore().descriptors(sandbox::smartStoreBaseUrl));
            // bench/SandboxProcess reads these two lines, in this order
            System.out.println("SANDBOX_URL=" + sandbox.baseUrl());
            System.out.println("SANDBOX_MALLS=" + SandboxServer.JSON.writeValueAsString(malls));
            System.out.println(SandboxServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(malls));
            if (accountsFile != null) {
                System.out.println("SANDBOX_ACCOUNTS_FILE=" + accountsFile);
                System.out.println("Point mallbatch at it: --mallbatch.accounts-file=" + accountsFile);
            }
            System.out.flush();
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** {@code --key=value} (or {@code --flag}) arguments by key; an unknown option or a bare word is refused. */
    static Map<String, String> options(String... args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options look like --port=8089");
            }
            String[] kv = arg.substring(2).split("=", 2);
            if (!OPTIONS.contains(kv[0])) {
                throw new IllegalArgumentException("Unknown option --" + kv[0]);
            }
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return opts;
    }

    private static SandboxConfig config(Map<String, String> opts) {
        SandboxConfig base = SandboxConfig.small();
        SandboxConfig config = base
                .withSeed(Long.parseLong(opts.getOrDefault("seed", String.valueOf(base.seed()))))
                .withMalls(Integer.parseInt(opts.getOrDefault("malls", String.valueOf(base.cafe24Malls()))))
                .withSize(Integer.parseInt(opts.getOrDefault("products", String.valueOf(base.productsPerMall()))),
                        Integer.parseInt(opts.getOrDefault("variants", String.valueOf(base.maxVariantsPerProduct()))),
                        Integer.parseInt(opts.getOrDefault("orders", String.valueOf(base.ordersPerDay()))),
                        Integer.parseInt(opts.getOrDefault("days", String.valueOf(base.historyDays()))))
                .withRate(Integer.parseInt(opts.getOrDefault("bucket", "40")),
                        Double.parseDouble(opts.getOrDefault("leak", "2")))
                .withAccessTokenTtlSeconds(Long.parseLong(opts.getOrDefault("token-ttl", "7200")))
                .withSellerCenters(Integer.parseInt(opts.getOrDefault("html-centers", String.valueOf(base.htmlSellerCenters()))),
                        Integer.parseInt(opts.getOrDefault("next-centers", String.valueOf(base.nextSellerCenters()))),
                        Integer.parseInt(opts.getOrDefault("session-requests", String.valueOf(base.sessionMaxRequests()))))
                .withLineSellerCenters(Integer.parseInt(opts.getOrDefault("line-centers", String.valueOf(base.lineSellerCenters()))))
                .withSmartStoreSellers(Integer.parseInt(opts.getOrDefault("smartstore-sellers", String.valueOf(base.smartStoreSellers()))))
                .withSmartStoreSellersPerApplication(Integer.parseInt(opts.getOrDefault("smartstore-sellers-per-app",
                        String.valueOf(base.smartStoreSellersPerApp()))))
                .withSmartStoreRate(Integer.parseInt(opts.getOrDefault("smartstore-rate", String.valueOf(base.smartStoreRatePerSecond()))));
        if (opts.containsKey("today")) {
            config = config.withToday(LocalDate.parse(opts.get("today")));
        }
        return config;
    }
}
