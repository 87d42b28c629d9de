package com.mallbatch.bench;

import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcImports;
import com.mallbatch.writers.secret.CredentialCipher;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reconcileJob over the fleet bench's fleet for its one business date: the fleet is collected first through the real
 * collectJob (as {@link FleetBench} does), each Cafe24 tenant's master inventory is taken from the sandbox's truth,
 * then reconcileJob runs twice through {@link JobLaunchService}, each time in a fresh application context on the same
 * schema:
 * <ol>
 *   <li>the baseline: only the freshness check — the same 1,000+ partitions, step executions, job repository
 *       writes, digests and gauge refresh, with the cheapest check; what the plumbing costs;</li>
 *   <li>the night: every check (freshness, stock vs master, orders vs the mall's own daily report over HTTP,
 *       volume anomaly) — the figure that must stay under 5 minutes and 512 MB.</li>
 * </ol>
 * Every {@code driftEvery}-th tenant's master inventory differs from the malls on one SKU in 50, so the night
 * opens breaks and sends digests as a night with findings does (to the notifier, which without a webhook logs them).
 * The baseline is a separate job instance ({@code run.id=0}) and runs first, so the night is measured warm and its
 * non-freshness checks still record everything for the first time, as a real first night of a date does.
 * <p>
 * Master inventories: the first {@code excelTenants} tenants go through importMasterInventoryJob with a workbook of
 * the sandbox's export (columns 셀러 SKU, 재고수량, 기준일), the others are inserted with the import's own upsert
 * ({@link JdbcImports#upsertMasterInventory}) from the same export: a thousand job launches of a thousand small
 * workbooks would take longer than the reconcile being measured, and measure the import, not the reconcile.
 */
final class ReconcileBench {

    record Run(String scenario, long executionId, BatchStatus status, int accounts, int failedAccounts, Duration wall,
               long heapPoolPeaksMb, long heapSampledMb, int peakConnections, long results, long breaksOpened,
               long events, long digests, long digestsSent, Duration appCpu, Duration databaseCpu, Duration sandboxCpu, double loadAverage) {

        double accountsPerSecond() {
            return accounts / (wall.toMillis() / 1000.0);
        }
    }

    record Result(FleetBench.Result collected, LocalDate businessDate, int tenants, long masterRows, long driftedRows,
                  long oversoldRows, int excelTenants,
                  Duration excelImport, Duration directImport, Run baseline, Run night, Map<String, Long> breaksByKind,
                  Map<String, Long> resultsByVerdict) {
    }

    private ReconcileBench() {
    }

    static Result run(FleetBench.Fleet fleet, int excelTenants, int driftEvery, int concurrency) throws Exception {
        try (SandboxProcess sandbox = FleetBench.sandbox(fleet);
             ThrowawaySchema schema = ThrowawaySchema.create("bench_reconcile")) {
            System.out.printf("reconcile bench: schema %s; collecting the fleet first (collectJob)%n", schema.schema());
            String key = CredentialCipher.newKey();
            FleetBench.Result collected;
            try (ConfigurableApplicationContext collector = FleetBench.collector(schema, fleet, key)) {
                collected = FleetBench.collect("every account healthy", fleet, 0, sandbox, collector);
            }
            LocalDate date;
            Imported imported;
            try (ConfigurableApplicationContext context = reconciler(schema, key, concurrency, null)) {
                date = context.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(business_date) FROM collect_stats",
                        LocalDate.class);
                imported = importMasters(context, sandbox, date, excelTenants, driftEvery);
            }
            System.out.printf("collected %s in %.1f s; master inventories of %d tenants (%d rows, %d of them drifted) imported%n",
                    date, collected.wall().toMillis() / 1000.0, imported.tenants, imported.rows, imported.drifted);
            Run baseline;
            try (ConfigurableApplicationContext only = reconciler(schema, key, concurrency, "freshness")) {
                baseline = reconcile(only, sandbox, "baseline: freshness check only", date, 0L);
            }
            Run night;
            Map<String, Long> breaks = new LinkedHashMap<>();
            Map<String, Long> verdicts = new LinkedHashMap<>();
            try (ConfigurableApplicationContext all = reconciler(schema, key, concurrency, null)) {
                night = reconcile(all, sandbox, "the night: every check", date, null);
                JdbcTemplate jdbc = all.getBean(JdbcTemplate.class);
                jdbc.query("SELECT CONCAT(b.check_name, ' ', b.break_type, ' ', e.severity), COUNT(*) "
                        + "FROM reconcile_breaks b JOIN reconcile_break_events e ON e.break_id = b.id "
                        + "WHERE e.job_execution_id = ? AND e.event = 'OPENED' GROUP BY 1 ORDER BY 2 DESC",
                        rs -> {
                            breaks.put(rs.getString(1), rs.getLong(2));
                        }, night.executionId());
                jdbc.query("SELECT CONCAT(check_name, ' ', verdict), COUNT(*) FROM reconcile_results "
                        + "WHERE job_execution_id = ? GROUP BY 1 ORDER BY 1", rs -> {
                            verdicts.put(rs.getString(1), rs.getLong(2));
                        }, night.executionId());
            }
            return new Result(collected, date, imported.tenants, imported.rows, imported.drifted, imported.oversold,
                    imported.excelTenants,
                    imported.excel, imported.direct, baseline, night, breaks, verdicts);
        }
    }

    /** The jobs on the schema as the application wires them, reconciling {@code concurrency} accounts at a time. */
    private static ConfigurableApplicationContext reconciler(ThrowawaySchema schema, String key, int concurrency,
                                                             String checks) {
        List<String> properties = new ArrayList<>(List.of("mallbatch.reconcile.concurrency=" + concurrency,
                "spring.datasource.hikari.maximum-pool-size=" + (concurrency + 8),
                "logging.level.com.mallbatch=WARN",
                // no webhook here: the notifier logs each digest at WARN instead, a page of text per drifted tenant
                "logging.level.com.mallbatch.writers.alert=ERROR"));
        if (checks != null) {
            properties.add("mallbatch.reconcile.checks=" + checks);
        }
        return BenchContext.startWithKey(schema, key, properties.toArray(String[]::new));
    }

    private record Imported(int tenants, long rows, long drifted, long oversold, int excelTenants, Duration excel,
                            Duration direct) {
    }

    /**
     * Each Cafe24 mall's tenant gets the master inventory the sandbox exports for the date. In every
     * {@code driftEvery}-th tenant's file (0: none) one SKU in 50 is counted differently from the truth, as a stock
     * count a seller got wrong or a mall that was not updated: 3 units fewer where it holds 3 or more (the malls then
     * list more than the seller has: oversell risk), else 3 more (lost sales).
     */
    private static Imported importMasters(ConfigurableApplicationContext context, SandboxProcess sandbox, LocalDate date,
                                          int excelTenants, int driftEvery) throws Exception {
        JobLaunchService launcher = context.getBean(JobLaunchService.class);
        JdbcImports imports = context.getBean(JdbcImports.class);
        HttpClient http = HttpClient.newHttpClient();
        Path dir = Files.createTempDirectory("reconcile-bench");
        int tenants = 0;
        long rows = 0;
        long drifted = 0;
        long oversold = 0;
        long excelNanos = 0;
        long directNanos = 0;
        for (JsonNode mall : sandbox.malls.path("cafe24")) {
            String mallId = mall.path("mall_id").asString();
            String tenant = "fleet-" + mallId;
            String tsv = http.send(HttpRequest.newBuilder(URI.create(sandbox.url + "/_sandbox/cafe24/" + mallId
                    + "/master-inventory?as_of=" + date + "&format=tsv")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            List<String[]> lines = tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
            if (driftEvery > 0 && (tenants + 1) % driftEvery == 0) {
                for (int i = 0; i < lines.size(); i += 50) {
                    String[] l = lines.get(i);
                    int quantity = Integer.parseInt(l[1]);
                    l[1] = String.valueOf(quantity >= 3 ? quantity - 3 : quantity + 3);
                    drifted++;
                    oversold += quantity >= 3 ? 1 : 0;
                }
            }
            long started = System.nanoTime();
            if (tenants < excelTenants) {
                Path file = workbook(dir.resolve(tenant + ".xlsx"), lines);
                JobExecution run = launcher.launch("importMasterInventoryJob", new JobParametersBuilder()
                        .addString("file", file.toString()).addString("tenant", tenant).toJobParameters(), "bench");
                if (run.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("importMasterInventoryJob of " + tenant + " ended " + run.getStatus()
                            + ": " + run.getExitStatus().getExitDescription());
                }
                Files.delete(file);
                excelNanos += System.nanoTime() - started;
            } else {
                List<Map<String, Object>> batch = new ArrayList<>(lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    String[] l = lines.get(i);
                    batch.add(Map.of("sellerSku", l[0], "quantity", Integer.parseInt(l[1]), "asOf", LocalDate.parse(l[2]),
                            "source", tenant + ".tsv row " + (i + 2)));
                }
                imports.upsertMasterInventory(imports.tenantId(tenant).orElseThrow(), batch);
                directNanos += System.nanoTime() - started;
            }
            tenants++;
            rows += lines.size();
        }
        Files.deleteIfExists(dir);
        return new Imported(tenants, rows, drifted, oversold, Math.min(excelTenants, tenants), Duration.ofNanos(excelNanos),
                Duration.ofNanos(directNanos));
    }

    /** The export as finance would save it: text SKU, number quantity, date cell. */
    private static Path workbook(Path file, List<String[]> lines) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("재고");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("셀러 SKU");
            head.createCell(1).setCellValue("재고수량");
            head.createCell(2).setCellValue("기준일");
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(lines.get(r)[0]);
                row.createCell(1).setCellValue(Integer.parseInt(lines.get(r)[1]));
                row.createCell(2).setCellValue(LocalDate.parse(lines.get(r)[2]));
                row.getCell(2).setCellStyle(dateStyle);
            }
            workbook.write(out);
        }
        return file;
    }

    /** One reconcileJob of the date through the launch service, measured. */
    private static Run reconcile(ConfigurableApplicationContext context, SandboxProcess sandbox, String scenario,
                                 LocalDate date, Long runId) throws Exception {
        JobLaunchService launcher = context.getBean(JobLaunchService.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        JobParametersBuilder parameters = new JobParametersBuilder().addString("businessDate", date.toString());
        if (runId != null) {
            parameters.addLong("run.id", runId);
        }
        FleetBench.PeakSampler peaks = new FleetBench.PeakSampler(context.getBean(DataSource.class));
        Duration app0 = FleetBench.collectorCpu();
        Duration db0 = FleetBench.databaseCpu();
        Duration sandbox0 = sandbox.cpu();
        HeapMeter.reset();
        peaks.start();
        long started = System.nanoTime();
        JobExecution execution = launcher.launch("reconcileJob", parameters.toJobParameters(), "bench");
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        peaks.stop();
        long poolPeaks = HeapMeter.peakMb();
        double load = loadAverage();
        long id = execution.getId();
        int accounts = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME LIKE 'reconcileAccount:%'", Integer.class, id);
        int failed = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME LIKE 'reconcileAccount:%' AND STATUS <> 'COMPLETED'", Integer.class, id);
        long results = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_results WHERE job_execution_id = ?", Long.class, id);
        long opened = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_break_events WHERE job_execution_id = ? "
                + "AND event = 'OPENED'", Long.class, id);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_break_events WHERE job_execution_id = ?",
                Long.class, id);
        long digests = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_digests WHERE job_execution_id = ?", Long.class, id);
        long sent = jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_digests WHERE job_execution_id = ? AND sent",
                Long.class, id);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            System.out.printf("%s: reconcileJob ended %s: %s%n", scenario, execution.getStatus(),
                    execution.getExitStatus().getExitDescription().lines().limit(5).toList());
        }
        return new Run(scenario, id, execution.getStatus(), accounts, failed, wall, poolPeaks, peaks.heapMb(),
                peaks.connections(), results, opened, events, digests, sent, FleetBench.collectorCpu().minus(app0),
                FleetBench.databaseCpu().minus(db0), sandbox.cpu().minus(sandbox0), load);
    }

    /** The machine's one-minute load average, from /proc; -1 where it cannot be read. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return -1;
        }
    }
}
