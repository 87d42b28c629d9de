package com.mallbatch.bench;

import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run [collect|load|crawl|settle|all|fleet|scale|reconcile] [--malls=4 --products=5000 --orders=300 --smartstore-sellers=2
 * --smartstore-products=1000 --smartstore-rate=10 --rows=1000000
 * --chunk=5000 --crawl-products=5000 --settle-lines=1000000 --crawled=20 --concurrency=64 --broken-every=50]};
 * {@code all} leaves out {@code fleet}, which takes a quarter of an hour, and {@code scale} ([--malls=16
 * --products=3000 --concurrency=4]: manager and 1, then 2, worker processes over RabbitMQ), nor {@code reconcile}
 * ([--malls=1000 --products=500 --orders=100 --crawled=20 --concurrency=64 --excel-tenants=10
 * --drift-every=10 --reconcile-concurrency=4]: the fleet collected, then reconcileJob of its date, freshness only, then every check).
 * Prints a report; a bench, not a test: it asserts nothing but that the runs completed and loaded every row.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        Options options = new Options(args);
        System.out.printf(Locale.ROOT, "mallbatch bench on %d cores, max heap %d MB, java %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        if (which.equals("collect") || which.equals("all")) {
            collect(options);
        }
        if (which.equals("load") || which.equals("all")) {
            load(options);
        }
        if (which.equals("crawl") || which.equals("all")) {
            crawl(options);
        }
        if (which.equals("settle") || which.equals("all")) {
            settle(options);
        }
        if (which.equals("fleet")) {
            fleet(options);
        }
        if (which.equals("scale")) {
            scale(options);
        }
        if (which.equals("reconcile")) {
            reconcile(options);
        }
        System.exit(0);
    }

    private static void collect(Options options) throws Exception {
        int malls = options.integer("malls", 4);
        int products = options.integer("products", 5_000);
        int orders = options.integer("orders", 300);
        List<CollectBench.Result> results = List.of(
                CollectBench.run("rate-bound: Cafe24's real budget (bucket 40, 2 calls/s)", malls, products, orders, 40, 2),
                CollectBench.run("throughput: a generous budget (bucket 1000, 1000 calls/s)", malls, products, orders, 1000, 1000));
        System.out.printf(Locale.ROOT, "collect: %d sandbox malls x %d products (<=4 variants), %d orders/day, 8-day order window%n",
                malls, products, orders);
        System.out.printf(Locale.ROOT, "%-60s %8s %7s %8s %11s %13s %14s %7s %5s %8s%n", "scenario", "rows", "wall s",
                "rows/s", "calls/mall", "calls/s/mall", "allowed/mall", "budget", "429s", "peak MB");
        for (CollectBench.Result r : results) {
            double seconds = r.wall().toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "%-60s %8d %7.1f %8.0f %11.1f %13.2f %14.1f %6.1f%% %5d %8d%n", r.scenario(),
                    r.rows(), seconds, r.rowsPerSecond(), r.callsPerMall(), r.callsPerMall() / seconds,
                    r.allowedPerMall(), 100 * r.budgetUsed(), r.rejected429(), r.peakHeapMb());
        }
        System.out.println("(allowed/mall = bucket + leak x wall time: every call the mall would have accepted in that time)");
        System.out.println();

        int sellers = options.integer("smartstore-sellers", 2);
        int rate = options.integer("smartstore-rate", 10);
        int sellerProducts = options.integer("smartstore-products", 1_000);
        SmartStoreCollectBench.Result s = SmartStoreCollectBench.run(sellers, sellerProducts, orders, rate);
        System.out.printf(Locale.ROOT, "collect SmartStore: %d sandbox sellers (own applications) x %d products (<=4 options), "
                + "%d orders/day, gateway %d calls/s per API and application (burst %d)%n", sellers, sellerProducts, orders,
                rate, 2 * rate);
        System.out.printf(Locale.ROOT, "%8s %7s %8s %8s %13s %15s %7s %5s %8s%n", "rows", "wall s", "rows/s", "calls",
                "detail calls", "detail allowed", "budget", "429s", "peak MB");
        System.out.printf(Locale.ROOT, "%8d %7.1f %8.0f %8d %13d %15.1f %6.1f%% %5d %8d%n", s.rows(),
                s.wall().toMillis() / 1000.0, s.rowsPerSecond(), s.calls(), s.detailCalls(), s.detailAllowed(),
                100 * s.budgetUsed(), s.rejected429(), s.peakHeapMb());
        System.out.println("(detail = the origin-product API, one call per product, which bounds the variants-and-stock stage;"
                + " allowed = burst + rate x that stage's time, per seller)");
        System.out.println();
    }

    private static void fleet(Options options) throws Exception {
        FleetBench.Fleet fleet = new FleetBench.Fleet(options.integer("malls", 1_000), options.integer("products", 500),
                options.integer("orders", 100), options.integer("crawled", 20), options.integer("concurrency", 64));
        List<FleetBench.Result> results = new java.util.ArrayList<>();
        results.add(FleetBench.run("every account healthy", fleet, 0));
        int brokenEvery = options.integer("broken-every", 50);
        if (brokenEvery > 0) {
            results.add(FleetBench.run("one mall in " + brokenEvery + " with its orders path down", fleet, brokenEvery));
        }
        System.out.printf(Locale.ROOT, "fleet: %d sandbox Cafe24 malls (%d products x <=3 variants, %d orders/day, budget 40 / 2 per s)"
                + " + %d crawled seller centers, %d accounts at a time, one business date%n", fleet.malls(), fleet.products(),
                fleet.ordersPerDay(), fleet.crawled(), fleet.concurrency());
        System.out.printf(Locale.ROOT, "%-44s %8s %6s %8s %9s %8s %8s %7s %6s %10s %9s %5s %22s%n", "scenario", "accounts",
                "failed", "wall s", "sd/hour", "rows/s", "heap MB", "threads", "conns", "calls/mall", "allowed", "429s",
                "cpu sandbox/app/db s");
        for (FleetBench.Result r : results) {
            System.out.printf(Locale.ROOT, "%-44s %8d %6d %8.1f %9.0f %8.0f %8d %7d %6d %10.1f %9.1f %5d %7.0f/%6.0f/%6.0f%n",
                    r.scenario(), r.accounts(), r.failedAccounts(), r.wall().toMillis() / 1000.0, r.sellerDaysPerHour(),
                    r.rowsPerSecond(), r.peakHeapMb(), r.peakThreads(), r.peakConnections(), r.callsPerMall(),
                    r.allowedPerMall(), r.rejected429(), r.sandboxCpu().toMillis() / 1000.0,
                    r.collectorCpu().toMillis() / 1000.0, r.databaseCpu().toMillis() / 1000.0);
        }
        System.out.println("(sd/hour = seller-days per hour: accounts collected for one date, per hour of wall time;"
                + " allowed = every call a mall's bucket would have accepted in that time)");
        System.out.println();
    }

    private static void reconcile(Options options) throws Exception {
        FleetBench.Fleet fleet = new FleetBench.Fleet(options.integer("malls", 1_000), options.integer("products", 500),
                options.integer("orders", 100), options.integer("crawled", 20), options.integer("concurrency", 64));
        int concurrency = options.integer("reconcile-concurrency", 4);
        ReconcileBench.Result r = ReconcileBench.run(fleet, options.integer("excel-tenants", 10),
                options.integer("drift-every", 10), concurrency);
        FleetBench.Result c = r.collected();
        System.out.printf(Locale.ROOT, "%nreconcile: the fleet bench's fleet (%d Cafe24 malls x %d products x <=3 variants,"
                + " %d orders/day, + %d crawled seller centers; one tenant each), business date %s, %d accounts at a time%n",
                fleet.malls(), fleet.products(), fleet.ordersPerDay(), fleet.crawled(), r.businessDate(), concurrency);
        System.out.printf(Locale.ROOT, "collected first by collectJob: %d accounts, %d rows in %.1f s (not part of the figure)%n",
                c.accounts(), c.rows(), c.wall().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "master inventories: %d tenants, %d rows (%d counted differently from the malls:"
                + " %d fewer, %d more); %d through importMasterInventoryJob (xlsx) in "
                + "%.1f s (%.2f s a tenant), the other %d inserted with the import's upsert in %.1f s (not part of the figure)%n",
                r.tenants(), r.masterRows(), r.driftedRows(), r.oversoldRows(), r.driftedRows() - r.oversoldRows(),
                r.excelTenants(), r.excelImport().toMillis() / 1000.0,
                r.excelTenants() == 0 ? 0 : r.excelImport().toMillis() / 1000.0 / r.excelTenants(),
                r.tenants() - r.excelTenants(), r.directImport().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%-32s %9s %8s %6s %7s %10s %8s %8s %6s %8s %7s %7s %12s %24s %5s%n", "scenario",
                "status", "accounts", "failed", "wall s", "accounts/s", "heap MB", "sampled", "conns", "results",
                "breaks", "events", "digests/sent", "cpu app/db/sandbox s", "load");
        for (ReconcileBench.Run run : List.of(r.baseline(), r.night())) {
            System.out.printf(Locale.ROOT, "%-32s %9s %8d %6d %7.1f %10.1f %8d %8d %6d %8d %7d %7d %12s %8.0f/%7.0f/%7.0f %5.2f%n",
                    run.scenario(), run.status(), run.accounts(), run.failedAccounts(), run.wall().toMillis() / 1000.0,
                    run.accountsPerSecond(), run.heapPoolPeaksMb(), run.heapSampledMb(), run.peakConnections(),
                    run.results(), run.breaksOpened(), run.events(), run.digests() + "/" + run.digestsSent(), run.appCpu().toMillis() / 1000.0,
                    run.databaseCpu().toMillis() / 1000.0, run.sandboxCpu().toMillis() / 1000.0, run.loadAverage());
        }
        System.out.printf(Locale.ROOT, "every check / freshness only: %.2fx the wall time (%.1f s against %.1f s); target "
                        + "under 300 s and 512 MB: %s%n", r.night().wall().toMillis() / (double) r.baseline().wall().toMillis(),
                r.night().wall().toMillis() / 1000.0, r.baseline().wall().toMillis() / 1000.0,
                r.night().wall().toSeconds() < 300 && r.night().heapPoolPeaksMb() < 512 ? "met" : "NOT met");
        System.out.println("breaks opened by the night (check, type, severity):");
        r.breaksByKind().forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %-60s %7d%n", kind, n));
        System.out.println("results of the night (check, verdict):");
        r.resultsByVerdict().forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %-60s %7d%n", kind, n));
        System.out.println("(heap MB = the sum of the heap pools' peaks between a GC before the launch and its end, an upper"
                + " bound; sampled = the whole heap in use, sampled every 20 ms; load = the one-minute load average at the end;"
                + " breaks = breaks opened; digests = recorded per tenant / sent, which needs a tenant webhook and something new)");
        System.out.println();
    }

    private static void scale(Options options) throws Exception {
        int concurrency = options.integer("concurrency", 4);
        int malls = options.integer("malls", 16);
        int products = options.integer("products", 3_000);
        int orders = options.integer("orders", 100);
        ScaleBench.Result one = ScaleBench.run(1, concurrency, malls, products, orders);
        ScaleBench.Result two = ScaleBench.run(2, concurrency, malls, products, orders);
        System.out.printf(Locale.ROOT, "scale: %d sandbox Cafe24 malls x %d products (<=3 variants), %d orders/day, "
                + "budget 40 / 2 per s; manager and workers in processes of their own, partitions over RabbitMQ%n",
                malls, products, orders);
        System.out.printf(Locale.ROOT, "%-28s %8s %6s %8s %9s %15s%n", "workers x partitions", "accounts", "failed",
                "wall s", "sd/hour", "worker cpu s");
        for (ScaleBench.Result r : List.of(one, two)) {
            System.out.printf(Locale.ROOT, "%-28s %8d %6d %8.1f %9.0f %15.1f%n", r.workers() + " x " + r.concurrency(),
                    r.accounts(), r.failed(), r.wall().toMillis() / 1000.0, r.sellerDaysPerHour(),
                    r.workerCpu().toMillis() / 1000.0);
        }
        System.out.printf(Locale.ROOT, "2 workers / 1 worker: %.2fx seller-days per hour (wall: the job's own start to end)%n%n",
                two.sellerDaysPerHour() / one.sellerDaysPerHour());
    }

    private static void settle(Options options) throws Exception {
        SettlementBench.Result r = SettlementBench.run(options.integer("settle-lines", 1_000_000));
        System.out.printf(Locale.ROOT, "settle: one month of %d order lines of one mall%n", r.lines());
        System.out.printf(Locale.ROOT, "%-52s %8s %10s%n", "", "wall s", "lines/s");
        System.out.printf(Locale.ROOT, "%-52s %8.1f %10.0f%n", "settlementJob (refresh, lines, totals: the draft)",
                r.settle().toMillis() / 1000.0, r.lines() / (r.settle().toMillis() / 1000.0));
        System.out.printf(Locale.ROOT, "%-52s %8.1f %10.0f%n", "confirm (hash, chain, differences, SXSSF workbook)",
                r.confirm().toMillis() / 1000.0, r.lines() / (r.confirm().toMillis() / 1000.0));
        System.out.printf(Locale.ROOT, "peak heap over both: %d MB; workbook %.1f MB%n", r.peakHeapMb(),
                r.workbookBytes() / 1_048_576.0);
        System.out.printf(Locale.ROOT, "(loading the %d order lines first took %.1f s; not part of the figure)%n%n", r.lines(),
                r.load().toMillis() / 1000.0);
    }

    private static void crawl(Options options) throws Exception {
        int products = options.integer("crawl-products", 5_000);
        List<CrawlBench.Result> results = CrawlBench.run(products);
        System.out.printf(Locale.ROOT, "crawl: a sandbox seller center with %d products (<=4 variants), every product page, politeness off%n", products);
        System.out.printf(Locale.ROOT, "%-56s %7s %9s %8s %8s %9s%n", "method", "pages", "variants", "wall s", "pages/s", "peak MB");
        for (CrawlBench.Result r : results) {
            System.out.printf(Locale.ROOT, "%-56s %7d %9d %8.1f %8.0f %9d%n", r.method(), r.pages(), r.variants(),
                    r.wall().toMillis() / 1000.0, r.pagesPerSecond(), r.peakHeapMb());
        }
        System.out.println();
    }

    private static void load(Options options) throws Exception {
        int rows = options.integer("rows", 1_000_000);
        int chunk = options.integer("chunk", 5_000);
        List<LoadBench.Result> results = LoadBench.run(rows, chunk);
        double ceiling = results.get(0).rowsPerSecond();
        System.out.printf(Locale.ROOT, "load: %d order lines into MariaDB%n", rows);
        System.out.printf(Locale.ROOT, "%-62s %8s %10s %14s %9s%n", "method", "wall s", "rows/s", "x LOAD DATA", "peak MB");
        for (LoadBench.Result r : results) {
            System.out.printf(Locale.ROOT, "%-62s %8.1f %10.0f %13.2fx %9d%n", r.method(), r.wall().toMillis() / 1000.0,
                    r.rowsPerSecond(), r.rowsPerSecond() / ceiling, r.peakHeapMb());
        }
        System.out.println();
    }
}
