package com.mallbatch.admin.changes;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.admin.changes.RerunChanges.AccountChanges;
import com.mallbatch.admin.changes.RerunChanges.Comparison;
import com.mallbatch.admin.changes.RerunChanges.Counts;
import com.mallbatch.admin.changes.RerunChanges.TableChanges;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.sandbox.cafe24.StockDrift;
import com.mallbatch.writers.mysql.UpsertMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rerun changed, from real collects of sandbox malls in each load mode: a night fails on one mall's products,
 * the restart loads that mall (inserted) and nothing of the others; the sandbox then lists four variants' stock
 * differently, and a relaunch of the same business date inserts nothing and updates exactly those four stock rows of
 * that mall. The counts agree with the tables' own row counts.
 */
class RerunChangesInTheAppTest {

    static final String DOWN = "acme/CAFE24/sandbox02";
    static final String DRIFTED = "acme/CAFE24/sandbox03";

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void aRestartAndARelaunchShowWhatTheyInsertedAndUpdatedPerAccountAndTable(UpsertMode mode) throws Exception {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 5, 8), "changes");
             ConfigurableApplicationContext app = start(world, mode)) {
            JobLaunchService launches = app.getBean(JobLaunchService.class);
            RerunChanges changes = app.getBean(RerunChanges.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            world.sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/products");
            JobExecution failed = launches.launch("collectJob", new JobParametersBuilder()
                    .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "test");
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(changes.compare(failed.getId())).as("the first execution of the date").isEmpty();

            world.sandbox.faults().clear();
            JobExecution restarted = launches.launch("collectJob", new JobParametersBuilder()
                    .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "test");
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Comparison restart = changes.compare(restarted.getId()).orElseThrow();
            assertThat(restart.restart()).isTrue();
            assertThat(restart.previousExecutionId()).isEqualTo(failed.getId());
            Map<String, TableChanges> down = tables(restart, DOWN);
            assertThat(down.get("products").now()).isEqualTo(new Counts(rows(jdbc, "products", DOWN), 0, 0L));
            assertThat(down.get("products").before()).as("its products failed the first time").isEqualTo(Counts.NONE);
            assertThat(down.get("stock_levels").now().inserted()).isEqualTo(rows(jdbc, "stock_levels", DOWN)).isPositive();
            Map<String, TableChanges> loadedFirst = tables(restart, DRIFTED);
            assertThat(loadedFirst.get("products").now()).as("a completed account does not rerun").isEqualTo(Counts.NONE);
            assertThat(loadedFirst.get("products").before()).isEqualTo(new Counts(rows(jdbc, "products", DRIFTED), 0, 0L));

            List<StockDrift> drifted = world.sandbox.cafe24().mall("sandbox03").driftListedStock(4, 2);
            JobExecution relaunched = app.getBean(JobOperator.class).start(app.getBean("collectJob", Job.class),
                    new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                            .addString("test.run", "relaunch").toJobParameters());
            assertThat(relaunched.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Comparison relaunch = changes.compare(relaunched.getId()).orElseThrow();
            assertThat(relaunch.restart()).as("another instance of the same date").isFalse();
            assertThat(relaunch.previousExecutionId()).isEqualTo(restarted.getId());
            assertThat(relaunch.accounts()).extracting(AccountChanges::account)
                    .containsExactlyInAnyOrder("acme/CAFE24/sandbox01", DOWN, DRIFTED);
            for (AccountChanges account : relaunch.accounts()) {
                for (TableChanges table : account.tables()) {
                    assertThat(table.now().inserted()).as(account.account() + " " + table.table()).isZero();
                    boolean driftedStock = account.account().equals(DRIFTED) && table.table().equals("stock_levels");
                    assertThat(table.now().updated()).as(account.account() + " " + table.table())
                            .isEqualTo(driftedStock ? drifted.size() : 0);
                }
            }
            Counts stock = tables(relaunch, DRIFTED).get("stock_levels").now();
            assertThat(stock.updated() + stock.unchanged()).isEqualTo(rows(jdbc, "stock_levels", DRIFTED));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels s JOIN variants v ON v.account_id = "
                    + "s.account_id AND v.variant_code = s.variant_code WHERE v.seller_sku IN ("
                    + drifted.stream().map(d -> "'" + d.sellerSku() + "'").collect(Collectors.joining(", "))
                    + ") AND s.account_id = (SELECT id FROM mall_accounts WHERE account_key = 'sandbox03')", Long.class))
                    .as("the drifted variants are sandbox03's").isEqualTo(drifted.size());
        }
    }

    private static ConfigurableApplicationContext start(SandboxWorld world, UpsertMode mode) throws Exception {
        Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
        return MallbatchApplication.run("--server.port=0",
                "--spring.datasource.url=" + world.schema.jdbcUrl(), "--spring.datasource.username=" + world.schema.user(),
                "--spring.datasource.password=" + world.schema.password(), "--mallbatch.secret-key=" + world.secretKey,
                "--mallbatch.accounts-file=" + accounts, "--mallbatch.scheduling.enabled=false",
                "--mallbatch.cafe24.max-retries=2", "--mallbatch.cafe24.initial-backoff=10ms",
                "--mallbatch.load.mode=" + mode.name());
    }

    private static Map<String, TableChanges> tables(Comparison comparison, String account) {
        return comparison.accounts().stream().filter(a -> a.account().equals(account)).findFirst().orElseThrow()
                .tables().stream().collect(Collectors.toMap(TableChanges::table, t -> t));
    }

    private static long rows(JdbcTemplate jdbc, String table, String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE account_id = (SELECT a.id FROM mall_accounts a "
                + "JOIN tenants t ON t.id = a.tenant_id WHERE CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) = ?)",
                Long.class, account);
    }
}
