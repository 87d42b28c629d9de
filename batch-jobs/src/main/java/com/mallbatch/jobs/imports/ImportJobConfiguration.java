package com.mallbatch.jobs.imports;

import com.mallbatch.domain.Platform;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.readers.excel.ExcelTable.Column;
import com.mallbatch.readers.excel.ExcelTable.Type;
import com.mallbatch.writers.mysql.JdbcImports;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports from finance's workbooks, all or nothing per file ({@link WorkbookImport}):
 * {@code importExtraCostsJob file=costs.xlsx}, {@code importMasterInventoryJob file=inventory.xlsx tenant=acme},
 * {@code importCommissionRulesJob file=commissions.xlsx} and {@code importShippingFeeRulesJob file=shipping.xlsx}.
 * Importing the same file again changes nothing (add {@code run.id=N} to run it again).
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    static final Column ACCOUNT = new Column("몰 계정", "accountKey", Type.TEXT);
    static final Column PERIOD = new Column("정산월", "period", Type.MONTH);
    static final Column COST_TYPE = new Column("비용 유형", "costType", Type.TEXT);
    static final Column DESCRIPTION = new Column("내용", "description", Type.TEXT);
    static final List<Column> EXTRA_COSTS = List.of(ACCOUNT, PERIOD, COST_TYPE, DESCRIPTION,
            new Column("금액", "amount", Type.DECIMAL));

    static final Column SELLER_SKU = new Column("셀러 SKU", "sellerSku", Type.TEXT);
    static final Column AS_OF = new Column("기준일", "asOf", Type.DATE);
    static final List<Column> MASTER_INVENTORY = List.of(SELLER_SKU, new Column("재고수량", "quantity", Type.INTEGER), AS_OF);

    static final Column PLATFORM = new Column("플랫폼", "platform", Type.TEXT);
    static final Column SITE = Column.optional("사이트", "site", Type.TEXT);
    static final Column CATEGORY = Column.optional("카테고리 번호", "categoryNo", Type.TEXT);
    static final Column EFFECTIVE_FROM = new Column("적용 시작일", "effectiveFrom", Type.DATE);
    static final List<Column> COMMISSION_RULES = List.of(PLATFORM, SITE, CATEGORY,
            new Column("수수료율", "rate", Type.RATE), EFFECTIVE_FROM);
    static final List<Column> SHIPPING_FEE_RULES = List.of(PLATFORM, SITE,
            new Column("배송비 수수료율", "rate", Type.RATE), EFFECTIVE_FROM);

    @Bean
    public Job importExtraCostsJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return job("importExtraCostsJob", jobRepository, tx, new WorkbookImport("extra cost", EXTRA_COSTS,
                List.of(ACCOUNT, PERIOD, COST_TYPE, DESCRIPTION), new WorkbookImport.Target() {
            @Override
            public List<String> check(List<Map<String, Object>> rows, JobParameters parameters) {
                List<String> problems = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    imports.accountId((String) row.get("accountKey")).ifPresentOrElse(id -> row.put("accountId", id),
                            () -> problems.add(row.get("source") + ", column A (몰 계정): '" + row.get("accountKey")
                                    + "' is not one mall account"));
                }
                return problems;
            }

            @Override
            public void store(List<Map<String, Object>> rows, JobParameters parameters) {
                imports.upsertExtraCosts(rows);
            }
        }), "file");
    }

    @Bean
    public Job importMasterInventoryJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return job("importMasterInventoryJob", jobRepository, tx, new WorkbookImport("master inventory", MASTER_INVENTORY,
                List.of(SELLER_SKU, AS_OF), new WorkbookImport.Target() {
            @Override
            public List<String> check(List<Map<String, Object>> rows, JobParameters parameters) {
                String tenant = parameters.getString("tenant");
                return imports.tenantId(tenant).isPresent() ? List.of() : List.of("tenant '" + tenant + "' does not exist");
            }

            @Override
            public void store(List<Map<String, Object>> rows, JobParameters parameters) {
                imports.upsertMasterInventory(imports.tenantId(parameters.getString("tenant")).orElseThrow(), rows);
            }
        }), "file", "tenant");
    }

    @Bean
    public Job importCommissionRulesJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return job("importCommissionRulesJob", jobRepository, tx, new WorkbookImport("commission rule", COMMISSION_RULES,
                List.of(PLATFORM, SITE, CATEGORY, EFFECTIVE_FROM), rules(imports::upsertCommissionRules)), "file");
    }

    @Bean
    public Job importShippingFeeRulesJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcImports imports) {
        return job("importShippingFeeRulesJob", jobRepository, tx, new WorkbookImport("shipping fee rule",
                SHIPPING_FEE_RULES, List.of(PLATFORM, SITE, EFFECTIVE_FROM), rules(imports::upsertShippingFeeRules)), "file");
    }

    /** Rules name a platform; a site (a crawl profile) narrows a rule to one crawled seller center. */
    private static WorkbookImport.Target rules(java.util.function.Consumer<List<Map<String, Object>>> store) {
        return new WorkbookImport.Target() {
            @Override
            public List<String> check(List<Map<String, Object>> rows, JobParameters parameters) {
                List<String> problems = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    Optional<Platform> platform = Arrays.stream(Platform.values())
                            .filter(p -> p.name().equalsIgnoreCase((String) row.get("platform"))).findFirst();
                    if (platform.isEmpty()) {
                        problems.add(row.get("source") + ", column A (플랫폼): '" + row.get("platform") + "' is not one of "
                                + Arrays.toString(Platform.values()));
                    } else if (row.get("site") != null && platform.get() != Platform.CRAWL) {
                        problems.add(row.get("source") + ", column B (사이트): a site narrows a rule to one crawled "
                                + "seller center; leave it empty for " + platform.get());
                    } else {
                        row.put("platform", platform.get().name());
                    }
                }
                return problems;
            }

            @Override
            public void store(List<Map<String, Object>> rows, JobParameters parameters) {
                store.accept(rows);
            }
        };
    }

    @Bean
    WorkbookImports workbookImports(JobLaunchService launches) {
        return new WorkbookImports(launches);
    }

    @Bean
    JdbcImports jdbcImports(JdbcTemplate jdbc) {
        return new JdbcImports(jdbc);
    }

    private static Job job(String name, JobRepository jobRepository, PlatformTransactionManager tx, WorkbookImport work,
                           String... requiredParameters) {
        String step = Character.toLowerCase(name.charAt(0)) + name.substring(1, name.length() - "Job".length());
        return new JobBuilder(name, jobRepository).validator(required(requiredParameters))
                .start(new StepBuilder(step, jobRepository).tasklet(work, tx).build()).build();
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
