package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.ErpGateway;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.settlement.SettlementLine;
import com.mallbatch.jobs.collect.AccountPartitioner;
import com.mallbatch.jobs.collect.CollectProperties;
import com.mallbatch.jobs.collect.CollectStages;
import com.mallbatch.writers.erp.HttpErpGateway;
import com.mallbatch.writers.excel.SettlementWorkbook;
import com.mallbatch.writers.mysql.JdbcErpPostings;
import com.mallbatch.writers.mysql.JdbcSettlements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * settlementJob: the drafts of what each mall owes the seller for a period ({@code period=2026-10}, optional
 * {@code tenant=acme}; those two name the run — settle the period again with {@code run.id=N}).
 *
 * <pre>
 * refreshPeriodOrders (partitioned per account: the period's orders read again) ─▶ openDrafts
 *   ─▶ computeLines (chunk: order line ▸ SettlementCalculator ▸ upsert) ─▶ totalDrafts
 * </pre>
 *
 * Lines come from orders placed in the period whose lines were delivered, purchase-confirmed, exchanged (sold) or
 * returned (refunded); cancelled and still-open lines are left out. A draft equal to the version that stands is
 * dropped; any other waits for a person: {@link SettlementConfirmation} (the {@code confirm-settlement} command, the
 * admin web) freezes it into an immutable, hashed, chained version, writes its workbook and posts it to the ERP.
 * {@code verifySettlementJob period=…} recomputes every snapshot's hash and walks the chain.
 */
@Configuration(proxyBeanMethods = false)
public class SettlementJobConfiguration {

    public static final String JOB_NAME = "settlementJob";
    private static final Logger log = LoggerFactory.getLogger(SettlementJobConfiguration.class);
    private static final String DRAFTS = "settlement.drafts";

    @Bean
    public Job settlementJob(JobRepository jobRepository, Step refreshPeriodOrders, Step openDrafts, Step computeLines,
                             Step totalDrafts) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(periodRequired())
                .start(refreshPeriodOrders)
                .next(openDrafts)
                .next(computeLines)
                .next(totalDrafts)
                .build();
    }

    @Bean
    public Step refreshPeriodOrders(JobRepository jobRepository, CollectStages stages, Partitioner periodAccounts,
                                    CollectProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("refreshPeriodOrders-");
        executor.setConcurrencyLimit(properties.concurrency());
        return new StepBuilder("refreshPeriodOrders", jobRepository)
                .partitioner("refreshPeriodOrders", periodAccounts)
                .step(stages.periodOrdersWorker("refreshPeriodOrders"))
                .gridSize(properties.concurrency())
                .taskExecutor(executor)
                .build();
    }

    /** The accounts of the run's tenant (or every tenant), one partition each. */
    @Bean
    @StepScope
    public Partitioner periodAccounts(MallAccounts accounts, AccountHealthStore health,
                                      @Value("#{jobParameters['tenant']}") String tenant) {
        return new AccountPartitioner(accounts, health, tenant, false);
    }

    @Bean
    public Step openDrafts(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements) {
        return new StepBuilder("openDrafts", jobRepository).tasklet((contribution, chunk) -> {
            String period = parameter(chunk, "period");
            List<Long> drafts = new ArrayList<>();
            for (long accountId : settlements.accountsWithOrders(period, parameter(chunk, "tenant"))) {
                drafts.add(settlements.openDraft(accountId, period, JOB_NAME));
            }
            jobContext(chunk).putString(DRAFTS, join(drafts));
            log.info("Settling {} for {} account(s)", period, drafts.size());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step computeLines(JobRepository jobRepository, PlatformTransactionManager tx,
                             JdbcCursorItemReader<SettlementSource> settlementSources,
                             ItemProcessor<SettlementSource, SettlementLine> settlementCalculator,
                             JdbcSettlements settlements,
                             @Value("${mallbatch.settlement.chunk-size:2000}") int chunkSize) {
        return new StepBuilder("computeLines", jobRepository)
                .<SettlementSource, SettlementLine>chunk(chunkSize)
                .transactionManager(tx)
                .reader(settlementSources)
                .processor(settlementCalculator)
                .writer(settlements.lineWriter())
                .build();
    }

    /** The rules in force when the step runs: each run settles with the rules as they are then. */
    @Bean
    @StepScope
    public ItemProcessor<SettlementSource, SettlementLine> settlementCalculator(JdbcTemplate jdbc) {
        return new SettlementCalculator(RateRules.commissions(jdbc), RateRules.shippingFees(jdbc));
    }

    /** Collected order lines of the period, for the drafts this run opened; restarts skip what was committed. */
    @Bean
    @StepScope
    public JdbcCursorItemReader<SettlementSource> settlementSources(DataSource dataSource,
                                                                    @Value("#{jobParameters['period']}") String period,
                                                                    @Value("#{jobParameters['tenant']}") String tenant) {
        YearMonth month = YearMonth.parse(period);
        return new JdbcCursorItemReaderBuilder<SettlementSource>()
                .name("settlementSources")
                .dataSource(dataSource)
                .fetchSize(Integer.MIN_VALUE) // Connector/J: stream rows instead of loading the month
                .verifyCursorPosition(false) // a streamed result set cannot report its row number
                .sql("""
                        SELECT s.id AS settlement_id, a.platform, a.crawl_profile AS site,
                               (SELECT GROUP_CONCAT(c.category_no ORDER BY k.depth DESC, c.category_no SEPARATOR ',')
                                FROM product_categories c LEFT JOIN categories k
                                  ON k.account_id = c.account_id AND k.category_no = c.category_no
                                WHERE c.account_id = l.account_id AND c.product_no = l.product_no) AS category_nos,
                               l.line_id, l.order_id, o.ordered_at, l.product_no, l.product_name, l.option_text,
                               l.platform_status, l.status, l.quantity, l.unit_price, l.option_price, l.seller_discount,
                               l.coupon_discount, l.payment_amount, l.platform_commission, o.shipping_fee,
                               l.line_id = (SELECT MIN(f.line_id) FROM order_lines f WHERE f.account_id = l.account_id
                                            AND f.order_id = l.order_id
                                            AND f.status IN ('DELIVERED', 'PURCHASE_CONFIRMED', 'EXCHANGED')) AS first_settled
                        FROM order_lines l
                        JOIN orders o ON o.account_id = l.account_id AND o.order_id = l.order_id
                        JOIN settlements s ON s.account_id = l.account_id AND s.period = ? AND s.status = 'DRAFT'
                        JOIN mall_accounts a ON a.id = l.account_id
                        JOIN tenants t ON t.id = a.tenant_id
                        WHERE o.ordered_at >= ? AND o.ordered_at < ? AND (? IS NULL OR t.tenant_key = ?)
                          AND l.status IN ('DELIVERED', 'PURCHASE_CONFIRMED', 'EXCHANGED', 'RETURNED')
                        ORDER BY l.account_id, l.order_id, l.line_id""")
                .queryArguments(new Object[]{period, month.atDay(1).atStartOfDay(),
                        month.plusMonths(1).atDay(1).atStartOfDay(), tenant, tenant})
                .rowMapper((rs, n) -> new SettlementSource(rs.getLong("settlement_id"), rs.getString("platform"),
                        rs.getString("site"), categories(rs.getString("category_nos")), rs.getString("line_id"),
                        rs.getString("order_id"), rs.getObject("ordered_at", java.time.LocalDateTime.class),
                        rs.getString("product_no"), rs.getString("product_name"), rs.getString("option_text"),
                        rs.getString("platform_status"), rs.getString("status"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("option_price"), rs.getBigDecimal("seller_discount"),
                        rs.getBigDecimal("coupon_discount"), rs.getBigDecimal("payment_amount"),
                        rs.getBigDecimal("platform_commission"), rs.getBigDecimal("shipping_fee"),
                        rs.getBoolean("first_settled")))
                .build();
    }

    /** Sums each draft; a draft equal to the standing version is dropped, any other waits for a person to confirm. */
    @Bean
    public Step totalDrafts(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements) {
        return new StepBuilder("totalDrafts", jobRepository).tasklet((contribution, chunk) -> {
            String period = parameter(chunk, "period");
            for (long id : ids(jobContext(chunk).getString(DRAFTS, ""))) {
                settlements.computeTotals(id);
                JdbcSettlements.Snapshot draft = settlements.snapshot(id);
                settlements.dropIfUnchanged(id).ifPresentOrElse(
                        standing -> log.info("{} {}: unchanged since v{} (net {}); no draft", draft.accountLabel(), period,
                                standing.version(), standing.net()),
                        () -> log.info("{} {}: draft v{} — net {} over {} line(s); review it, then confirm: "
                                        + "--mallbatch.command=confirm-settlement account={} period={} by=<you>",
                                draft.accountLabel(), period, draft.version(), draft.net(), draft.lineCount(),
                                draft.accountLabel(), period));
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    JdbcErpPostings jdbcErpPostings(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcErpPostings(jdbc, tx);
    }

    @Bean
    @ConditionalOnProperty("mallbatch.erp.base-url")
    ErpGateway erpGateway(@Value("${mallbatch.erp.base-url}") String baseUrl,
                          @Value("${mallbatch.erp.timeout:10s}") Duration timeout) {
        return new HttpErpGateway(baseUrl, timeout, 4, Duration.ofMillis(200));
    }

    @Bean
    ErpSync erpSync(JdbcSettlements settlements, JdbcErpPostings postings, ObjectProvider<ErpGateway> erp,
                    @Value("${mallbatch.erp.company-code:1000}") String companyCode) {
        return new ErpSync(settlements, postings, erp.getIfAvailable(), companyCode);
    }

    @Bean
    SettlementConfirmation settlementConfirmation(JdbcSettlements settlements, ErpSync erp, PlatformTransactionManager tx,
                                                  @Value("${mallbatch.settlement.export-dir:exports}") Path directory) {
        return new SettlementConfirmation(settlements, new SettlementWorkbook(settlements), erp, new TransactionTemplate(tx),
                directory);
    }

    /** Recomputes the hash of every frozen snapshot of a period and walks the chain; fails, naming each problem. */
    @Bean
    public Job verifySettlementJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements) {
        Step verify = new StepBuilder("verifySettlements", jobRepository).tasklet((contribution, chunk) -> {
            List<String> problems = settlements.verify(parameter(chunk, "period"));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Tampered settlements:\n" + String.join("\n", problems));
            }
            log.info("Every snapshot of {} matches its hash and the chain holds", parameter(chunk, "period"));
            return RepeatStatus.FINISHED;
        }, tx).build();
        return new JobBuilder("verifySettlementJob", jobRepository).validator(periodRequired()).start(verify).build();
    }

    @Bean
    JdbcSettlements jdbcSettlements(JdbcTemplate jdbc) {
        return new JdbcSettlements(jdbc);
    }

    private static List<String> categories(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    static JobParametersValidator periodRequired() {
        return parameters -> {
            String period = parameters == null ? null : parameters.getString("period");
            if (period == null) {
                throw new InvalidJobParametersException("the parameter 'period' is required: a month like period=2026-10");
            }
            try {
                YearMonth.parse(String.valueOf(period));
            } catch (DateTimeParseException e) {
                throw new InvalidJobParametersException("period must be a month like 2026-10, got '" + period + "'");
            }
        };
    }

    private static String parameter(ChunkContext chunk, String name) {
        return chunk.getStepContext().getStepExecution().getJobParameters().getString(name);
    }

    private static ExecutionContext jobContext(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }
}
