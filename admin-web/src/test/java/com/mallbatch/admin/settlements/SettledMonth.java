package com.mallbatch.admin.settlements;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.jobs.TestWorkbooks;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.imports.WorkbookImports;
import com.mallbatch.jobs.launch.JobLaunchService;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The app as deployed on a sandbox of three Cafe24 malls with the sandbox ERP, and October 2026 collected and settled
 * into drafts, as the nightly jobs do it: what the settlement pages' app and browser tests start from.
 */
public final class SettledMonth implements AutoCloseable {

    public static final String PERIOD = "2026-10";
    public static final List<String> COMMISSION_HEADER = List.of("플랫폼", "사이트", "카테고리 번호", "수수료율", "적용 시작일");
    public static final List<String> SHIPPING_HEADER = List.of("플랫폼", "사이트", "배송비 수수료율", "적용 시작일");

    public final SandboxWorld world;
    public final ConfigurableApplicationContext app;
    public final String baseUrl;
    public final Path exports;
    public final Path uploads;

    /** @param users name → {role, password} */
    public SettledMonth(String schemaPrefix, Map<String, String[]> users) throws IOException {
        world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 4, 45), schemaPrefix);
        exports = Files.createTempDirectory("mallbatch-exports");
        uploads = Files.createTempDirectory("mallbatch-uploads");
        Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
        app = AppOnSandbox.start(world, users, "--mallbatch.accounts-file=" + accounts,
                "--mallbatch.collect.order-lookback-days=30", "--mallbatch.erp.base-url=" + world.sandbox.erpBaseUrl(),
                "--mallbatch.settlement.export-dir=" + exports, "--mallbatch.imports.upload-dir=" + uploads);
        baseUrl = AppOnSandbox.baseUrl(app);
    }

    /** A commission rule workbook: CAFE24 10 % from 2026-01-01. */
    public static Path commissionRules(Path file) throws IOException {
        return TestWorkbooks.write(file, COMMISSION_HEADER, Arrays.asList("CAFE24", null, null, "10%", "2026-01-01"));
    }

    /** A shipping fee rule workbook: CAFE24 3 % from 2026-01-01. */
    public static Path shippingRules(Path file) throws IOException {
        return TestWorkbooks.write(file, SHIPPING_HEADER, Arrays.asList("CAFE24", null, 0.03, "2026-01-01"));
    }

    /** The rules imported as the command line would (the web's uploads take the same path). */
    public void importRules() throws IOException {
        WorkbookImports imports = app.getBean(WorkbookImports.class);
        Path folder = Files.createTempDirectory(uploads, "rules");
        for (WorkbookImports.Outcome outcome : List.of(
                imports.importFile(WorkbookImports.Kind.COMMISSION_RULES, commissionRules(folder.resolve("c.xlsx")), null, "cli"),
                imports.importFile(WorkbookImports.Kind.SHIPPING_FEE_RULES, shippingRules(folder.resolve("s.xlsx")), null, "cli"))) {
            if (!outcome.imported()) {
                throw new IllegalStateException("rules not imported: " + outcome.problems());
            }
        }
    }

    /** The night: October's orders collected, then settled into one draft per mall. */
    public void collectAndSettle() {
        JobLaunchService launches = app.getBean(JobLaunchService.class);
        for (var run : List.of(launches.launch("collectJob", new JobParametersBuilder()
                        .addString("businessDate", "2026-10-31").toJobParameters(), "schedule"),
                launches.launch("settlementJob", new JobParametersBuilder().addString("period", PERIOD)
                        .toJobParameters(), "schedule"))) {
            if (run.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(run.getJobInstance().getJobName() + " ended " + run.getStatus() + ": "
                        + run.getExitStatus().getExitDescription());
            }
        }
    }

    /** The settlement again (after new rules or costs), as {@code settlementJob period=2026-10 run.id=N}. */
    public void settleAgain(long runId) {
        var run = app.getBean(JobLaunchService.class).launch("settlementJob", new JobParametersBuilder()
                .addString("period", PERIOD).addLong("run.id", runId).toJobParameters(), "cli");
        if (run.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("settlementJob ended " + run.getStatus() + ": "
                    + run.getExitStatus().getExitDescription());
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            world.close();
        }
    }
}
