package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.settlement.SettlementLine;
import com.mallbatch.domain.port.ErpGateway;
import com.mallbatch.writers.erp.HttpErpGateway;
import com.mallbatch.writers.excel.SettlementWorkbook;
import com.mallbatch.writers.mysql.JdbcErpPostings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Confirmation;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * settlementJob: what each mall owes the seller for a period ({@code period=2026-10}, optional {@code tenant=acme}).
 *
 * <pre>
 * openDrafts ─▶ computeLines (chunk: order line ▸ SettlementCalculator ▸ upsert) ─▶ confirmSettlements ─▶ exportWorkbook ─▶ postToErp
 * </pre>
 *
 * Lines come from orders placed in the period whose lines were delivered, purchase-confirmed, exchanged (sold) or
 * returned (refunded); cancelled and still-open lines are left out. Confirming freezes each draft into an immutable,
 * hashed snapshot — or drops it when its numbers equal the standing version — and a correction becomes the next
 * version, superseding the old one, which stays readable with the differences listed. Settling a period again is a
 * new job instance: add {@code run.id=N}. {@code verifySettlementJob period=… run.id=N} recomputes the hashes of a
 * period's snapshots and fails on any tampering.
 */
@Configuration(proxyBeanMethods = false)
public class SettlementJobConfiguration {

    public static final String JOB_NAME = "settlementJob";
    private static final Logger log = LoggerFactory.getLogger(SettlementJobConfiguration.class);
    private static final String DRAFTS = "settlement.drafts";
    private static final String SNAPSHOTS = "settlement.snapshots";

    @Bean
    public Job settlementJob(JobRepository jobRepository, Step openDrafts, Step computeLines, Step confirmSettlements,
                             Step exportWorkbook, Step postToErp) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(periodRequired())
                .start(openDrafts)
                .next(computeLines)
                .next(confirmSettlements)
                .next(exportWorkbook)
                .next(postToErp)
                .build();
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
                             JdbcSettlements settlements, CanonicalTables tables,
                             @Value("${mallbatch.settlement.chunk-size:2000}") int chunkSize) {
        return new StepBuilder("computeLines", jobRepository)
                .<SettlementSource, SettlementLine>chunk(chunkSize)
                .transactionManager(tx)
                .reader(settlementSources)
                .processor(settlementCalculator)
                .writer(settlements.lineWriter(tables.mode()))
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
                        SELECT s.id AS settlement_id, a.platform,
                               (SELECT GROUP_CONCAT(c.category_no ORDER BY k.depth DESC, c.category_no SEPARATOR ',')
                                FROM product_categories c LEFT JOIN categories k
                                  ON k.account_id = c.account_id AND k.category_no = c.category_no
                                WHERE c.account_id = l.account_id AND c.product_no = l.product_no) AS category_nos,
                               l.line_id, l.order_id, o.ordered_at, l.product_no, l.platform_status, l.status, l.quantity,
                               l.unit_price, l.option_price, l.seller_discount, l.coupon_discount, l.payment_amount,
                               o.shipping_fee,
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
                        categories(rs.getString("category_nos")), rs.getString("line_id"), rs.getString("order_id"),
                        rs.getObject("ordered_at", java.time.LocalDateTime.class), rs.getString("product_no"),
                        rs.getString("platform_status"), rs.getString("status"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("option_price"), rs.getBigDecimal("seller_discount"),
                        rs.getBigDecimal("coupon_discount"), rs.getBigDecimal("payment_amount"),
                        rs.getBigDecimal("shipping_fee"), rs.getBoolean("first_settled")))
                .build();
    }

    @Bean
    public Step confirmSettlements(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements) {
        return new StepBuilder("confirmSettlements", jobRepository).tasklet((contribution, chunk) -> {
            List<Long> standing = new ArrayList<>();
            String confirmedBy = parameterOr(chunk, "confirmedBy", JOB_NAME);
            for (long draft : ids(jobContext(chunk).getString(DRAFTS, ""))) {
                settlements.computeTotals(draft);
                Confirmation c = settlements.confirm(draft, confirmedBy);
                log.info(c.changed() ? "Confirmed settlement {} as version {}{}" : "Settlement {} (version {}) unchanged{}",
                        c.settlementId(), c.version(), c.supersededId() == null ? "" : ", superseding " + c.supersededId());
                standing.add(c.settlementId());
            }
            jobContext(chunk).putString(SNAPSHOTS, join(standing));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step exportWorkbook(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements,
                               @Value("${mallbatch.settlement.export-dir:exports}") Path directory) {
        return new StepBuilder("exportWorkbook", jobRepository).tasklet((contribution, chunk) -> {
            List<Snapshot> snapshots = ids(jobContext(chunk).getString(SNAPSHOTS, "")).stream().map(settlements::snapshot).toList();
            String tenant = parameter(chunk, "tenant");
            Path file = directory.resolve("settlement-" + parameter(chunk, "period") + (tenant == null ? "" : "-" + tenant)
                    + "-run" + chunk.getStepContext().getStepExecution().getJobExecutionId() + ".xlsx");
            new SettlementWorkbook(settlements).write(file, snapshots);
            jobContext(chunk).putString("settlement.workbook", file.toAbsolutePath().toString());
            log.info("Settlement workbook: {}", file.toAbsolutePath());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    /**
     * One billing document per standing snapshot, posted once: the idempotency key is the snapshot's id and version,
     * so a retry — in this run or a restart — after a lost answer finds the document the ERP already holds.
     */
    @Bean
    public Step postToErp(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements,
                         JdbcErpPostings postings, ObjectProvider<ErpGateway> erp,
                         @Value("${mallbatch.erp.company-code:1000}") String companyCode) {
        return new StepBuilder("postToErp", jobRepository).tasklet((contribution, chunk) -> {
            ErpGateway gateway = erp.getIfAvailable();
            List<String> failures = new ArrayList<>();
            for (long id : ids(jobContext(chunk).getString(SNAPSHOTS, ""))) {
                Snapshot snapshot = settlements.snapshot(id);
                JdbcErpPostings.Posting posting = postings.open(id, BillingDocuments.idempotencyKey(snapshot));
                if (posting.status().equals("ACKED") || gateway == null) {
                    continue;
                }
                postings.sending(id);
                try {
                    String documentNo = gateway.post(BillingDocuments.of(snapshot, companyCode), posting.idempotencyKey());
                    postings.acked(id, documentNo);
                    log.info("Settlement {} v{} posted to the ERP as document {}", id, snapshot.version(), documentNo);
                } catch (ErpGateway.RejectedException | IllegalStateException e) {
                    postings.failed(id, e.getMessage());
                    failures.add(e.getMessage());
                }
            }
            if (gateway == null) {
                log.info("No ERP configured (mallbatch.erp.base-url): billing documents stay PENDING");
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("ERP posting failed; rerun to retry with the same keys:\n" + String.join("\n", failures));
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

    /** Recomputes the hash of every frozen snapshot of a period; fails, listing them, when any was altered. */
    @Bean
    public Job verifySettlementJob(JobRepository jobRepository, PlatformTransactionManager tx, JdbcSettlements settlements) {
        Step verify = new StepBuilder("verifySettlements", jobRepository).tasklet((contribution, chunk) -> {
            List<String> problems = settlements.verify(parameter(chunk, "period"));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Tampered settlements:\n" + String.join("\n", problems));
            }
            log.info("Every snapshot of {} matches its hash", parameter(chunk, "period"));
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

    private static String parameterOr(ChunkContext chunk, String name, String fallback) {
        String value = parameter(chunk, name);
        return value == null ? fallback : value;
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
