package com.mallbatch.jobs.imports;

import com.mallbatch.readers.excel.ExcelTable;
import com.mallbatch.readers.excel.ExcelTable.Column;
import com.mallbatch.readers.excel.ExcelTable.Type;
import com.mallbatch.writers.mysql.JdbcImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports from finance's workbooks, all or nothing per file: {@code importExtraCostsJob file=costs.xlsx} and
 * {@code importMasterInventoryJob file=inventory.xlsx tenant=acme}. A file with any bad row (wrong header, text in a
 * number column, an unknown account) fails the job listing every problem by row, column and value, and stores
 * nothing; importing the same file again changes nothing (add {@code run.id=N} to run it again).
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    static final List<Column> EXTRA_COSTS = List.of(new Column("몰 계정", "accountKey", Type.TEXT),
            new Column("정산월", "period", Type.MONTH), new Column("비용 유형", "costType", Type.TEXT),
            new Column("내용", "description", Type.TEXT), new Column("금액", "amount", Type.DECIMAL));
    static final List<Column> MASTER_INVENTORY = List.of(new Column("셀러 SKU", "sellerSku", Type.TEXT),
            new Column("재고수량", "quantity", Type.INTEGER), new Column("기준일", "asOf", Type.DATE));
    private static final Logger log = LoggerFactory.getLogger(ImportJobConfiguration.class);

    @Bean
    public Job importExtraCostsJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return new JobBuilder("importExtraCostsJob", jobRepository).validator(required("file")).start(
                new StepBuilder("importExtraCosts", jobRepository).tasklet((contribution, chunk) -> {
                    ExcelTable.Result table = ExcelTable.read(file(chunk), EXTRA_COSTS);
                    List<String> problems = new ArrayList<>(table.problems());
                    for (Map<String, Object> row : table.rows()) {
                        Optional<Long> account = imports.accountId((String) row.get("accountKey"));
                        account.ifPresentOrElse(id -> row.put("accountId", id), () -> problems.add(row.get("source")
                                + ", column A (몰 계정): '" + row.get("accountKey") + "' is not one mall account"));
                    }
                    failOn(problems);
                    imports.upsertExtraCosts(table.rows());
                    log.info("Imported {} extra cost row(s) from {}", table.rows().size(), file(chunk));
                    return RepeatStatus.FINISHED;
                }, tx).build()).build();
    }

    @Bean
    public Job importMasterInventoryJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return new JobBuilder("importMasterInventoryJob", jobRepository).validator(required("file", "tenant")).start(
                new StepBuilder("importMasterInventory", jobRepository).tasklet((contribution, chunk) -> {
                    String tenant = chunk.getStepContext().getStepExecution().getJobParameters().getString("tenant");
                    ExcelTable.Result table = ExcelTable.read(file(chunk), MASTER_INVENTORY);
                    List<String> problems = new ArrayList<>(table.problems());
                    Optional<Long> tenantId = imports.tenantId(tenant);
                    if (tenantId.isEmpty()) {
                        problems.add("tenant '" + tenant + "' does not exist");
                    }
                    failOn(problems);
                    imports.upsertMasterInventory(tenantId.orElseThrow(), table.rows());
                    log.info("Imported {} master inventory row(s) for {} from {}", table.rows().size(), tenant, file(chunk));
                    return RepeatStatus.FINISHED;
                }, tx).build()).build();
    }

    @Bean
    JdbcImports jdbcImports(JdbcTemplate jdbc) {
        return new JdbcImports(jdbc);
    }

    private static Path file(ChunkContext chunk) {
        return Path.of(chunk.getStepContext().getStepExecution().getJobParameters().getString("file"));
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " problem(s); nothing was imported:\n" + String.join("\n", problems));
        }
    }

    private static JobParametersValidator required(String... names) {
        return parameters -> {
            for (String name : names) {
                if (parameters == null || parameters.getString(name) == null) {
                    throw new InvalidJobParametersException("the parameter '" + name + "' is required");
                }
            }
        };
    }
}
