package com.mallbatch.admin.sellers;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.admin.changes.RerunChanges;
import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.admin.trends.TrendQueries;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.writers.mysql.JdbcImports;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sellers page and the trends from a real collect and reconcile of sandbox malls: a seller's match rates are the
 * gauges' (one definition), its open breaks are the ledger's, and the trends hold the night's run durations and the
 * rows each mall's collect wrote; a relaunched reconcile shows what each execution appended per account.
 */
class SellersAndTrendsInTheAppTest {

    static final LocalDate FROM = BUSINESS_DATE.minusDays(29);

    @Test
    void ratesBreaksDurationsAndRowsComeFromTheNightsRuns() throws Exception {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 5, 8), "sellers")) {
            Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
            try (ConfigurableApplicationContext app = MallbatchApplication.run("--server.port=0",
                    "--spring.datasource.url=" + world.schema.jdbcUrl(), "--spring.datasource.username=" + world.schema.user(),
                    "--spring.datasource.password=" + world.schema.password(), "--mallbatch.secret-key=" + world.secretKey,
                    "--mallbatch.accounts-file=" + accounts, "--mallbatch.scheduling.enabled=false")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                // the malls list three variants' stock wrongly, and one day's mall total disagrees with its orders
                world.sandbox.cafe24().mall("sandbox01").driftListedStock(3, 2);
                world.sandbox.cafe24().mall("sandbox02").adjustDailySales(BUSINESS_DATE, 1, BigDecimal.ZERO);
                run(app, "collectJob");
                JdbcImports imports = app.getBean(JdbcImports.class);
                for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
                    imports.upsertMasterInventory(imports.tenantId("acme").orElseThrow(), mall.masterInventory(BUSINESS_DATE)
                            .stream().map(r -> Map.<String, Object>of("sellerSku", r.sellerSku(), "asOf", r.asOf(),
                                    "quantity", r.quantity(), "source", "test")).toList());
                }
                run(app, "reconcileJob");

                SellerQueries sellers = app.getBean(SellerQueries.class);
                SellerQueries.Seller acme = sellers.sellers().stream().filter(s -> s.tenantKey().equals("acme"))
                        .findFirst().orElseThrow();
                MeterRegistry meters = app.getBean(MeterRegistry.class);
                assertThat(acme.accounts()).isEqualTo(3);
                assertThat(acme.stockMatch()).isLessThan(100).isCloseTo(gauge(meters, "stock"), within(1e-9));
                assertThat(acme.orderMatch()).isLessThan(100).isCloseTo(gauge(meters, "order"), within(1e-9));
                assertThat(acme.openBreaks()).isPositive().isEqualTo(app.getBean(JdbcReconcileLedger.class).unresolved().size());

                SellerQueries.History history = sellers.history("acme", FROM, BUSINESS_DATE).orElseThrow();
                assertThat(history.stockMatch()).extracting(LineChart.Point::day).containsExactly(BUSINESS_DATE);
                assertThat(history.stockMatch().get(0).value()).isCloseTo(acme.stockMatch(), within(1e-9));
                assertThat(history.orderMatch()).isNotEmpty().allSatisfy(p -> assertThat(p.value()).isBetween(0.0, 100.0));
                assertThat(sellers.history("nobody", FROM, BUSINESS_DATE)).isEmpty();

                TrendQueries trends = app.getBean(TrendQueries.class);
                List<LineChart.Series> durations = trends.durationMinutes(FROM, BUSINESS_DATE);
                assertThat(durations).extracting(LineChart.Series::name).contains("collectJob", "reconcileJob");
                assertThat(durations).allSatisfy(s -> assertThat(s.points()).singleElement()
                        .satisfies(p -> assertThat(p.day()).isEqualTo(BUSINESS_DATE)));
                assertThat(durations.get(0).points().get(0).value()).isPositive();

                long written = jdbc.queryForObject("SELECT SUM(write_count) FROM collect_stats WHERE business_date = ?",
                        Long.class, BUSINESS_DATE);
                assertThat(trends.rowsWritten(FROM, BUSINESS_DATE, null)).singleElement().satisfies(s -> {
                    assertThat(s.name()).isEqualTo("CAFE24");
                    assertThat(s.points()).containsExactly(new LineChart.Point(BUSINESS_DATE, written));
                });
                assertThat(trends.rowsWritten(FROM, BUSINESS_DATE, "acme")).extracting(LineChart.Series::name)
                        .containsExactly("CAFE24/sandbox01", "CAFE24/sandbox02", "CAFE24/sandbox03");
                assertThat(trends.rowsWritten(FROM, BUSINESS_DATE, "nobody")).isEmpty();

                // a relaunched reconcile of the date: what each execution appended, per account
                long first = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
                JobExecution again = app.getBean(JobOperator.class).start(app.getBean("reconcileJob", Job.class),
                        new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                                .addString("test.run", "again").toJobParameters());
                assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                RerunChanges.Comparison relaunch = app.getBean(RerunChanges.class).compare(again.getId()).orElseThrow();
                assertThat(relaunch.previousExecutionId()).isEqualTo(first);
                assertThat(relaunch.restart()).isFalse();
                assertThat(relaunch.anyUncounted()).as("%s", relaunch).isTrue();
                for (RerunChanges.AccountChanges account : relaunch.accounts()) {
                    long accountId = account.accountId();
                    RerunChanges.TableChanges results = account.tables().stream()
                            .filter(t -> t.table().equals("reconcile_results")).findFirst().orElseThrow();
                    assertThat(results.before().inserted()).isPositive().isEqualTo(jdbc.queryForObject("SELECT COUNT(*) "
                            + "FROM reconcile_results WHERE job_execution_id = ? AND account_id = ?", Long.class, first, accountId));
                    assertThat(results.now().inserted()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) "
                            + "FROM reconcile_results WHERE job_execution_id = ? AND account_id = ?", Long.class,
                            again.getId(), accountId));
                    assertThat(results.now().updated()).isZero();
                    assertThat(results.now().unchanged()).isNull();
                }
                assertThat(relaunch.accounts()).flatExtracting(RerunChanges.AccountChanges::tables)
                        .extracting(RerunChanges.TableChanges::table).contains("reconcile_break_events");
            }
        }
    }

    private static void run(ConfigurableApplicationContext app, String job) {
        assertThat(app.getBean(JobLaunchService.class).launch(job, new JobParametersBuilder()
                .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "test").getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    private static double gauge(MeterRegistry meters, String rate) {
        return meters.get("mallbatch.reconcile." + rate + ".match.rate").tags("tenant", "acme").gauge().value();
    }
}
