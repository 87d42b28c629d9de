package com.mallbatch.bench;

import com.mallbatch.domain.Extent;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.jobs.settlement.SettlementConfirmation;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of N order lines of one mall: settlementJob computing the draft, then a person's confirmation (hash, chain,
 * the finance workbook with every line; no ERP configured, so the posting waits as PENDING).
 */
final class SettlementBench {

    record Result(int lines, Duration load, Duration settle, Duration confirm, long peakHeapMb, long workbookBytes) {
    }

    private SettlementBench() {
    }

    static Result run(int lines) throws Exception {
        Path exports = Files.createTempDirectory("settlement-bench");
        try (ThrowawaySchema schema = ThrowawaySchema.create("bench_settle");
             ConfigurableApplicationContext context = BenchContext.start(schema,
                     "mallbatch.settlement.export-dir=" + exports)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long account = context.getBean(JdbcMallAccounts.class).register(new JdbcMallAccounts.Registration("bench", "벤치",
                    // not enabled: nothing to collect from, so the job's refresh of the period's orders passes it by
                    Platform.CAFE24, "benchmall", null, RateBudget.CAFE24_DEFAULT, null, false, null));
            jdbc.update("INSERT INTO commission_rules (platform, category_no, rate, effective_from) VALUES ('CAFE24', NULL, 0.1080, '2026-01-01')");
            jdbc.update("INSERT INTO shipping_fee_rules (platform, rate, effective_from) VALUES ('CAFE24', 0.0300, '2026-01-01')");

            long loadStarted = System.nanoTime();
            ItemWriter<Order> orders = context.getBean(CanonicalTables.class).orders();
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            List<Order> chunk = new ArrayList<>();
            for (int o = 0; o < lines / 2; o++) {
                chunk.add(order(account, o));
                if (chunk.size() == 2_500 || o == lines / 2 - 1) {
                    List<Order> batch = List.copyOf(chunk);
                    tx.executeWithoutResult(status -> {
                        try {
                            orders.write(new Chunk<>(batch));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    chunk.clear();
                }
            }
            Duration load = Duration.ofNanos(System.nanoTime() - loadStarted);

            HeapMeter.reset();
            long started = System.nanoTime();
            JobExecution run = context.getBean(JobOperator.class).start(context.getBean("settlementJob", Job.class),
                    new JobParametersBuilder().addString("period", "2026-10").toJobParameters());
            Duration settle = Duration.ofNanos(System.nanoTime() - started);
            long peak = HeapMeter.peakMb();
            if (run.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("settlementJob ended " + run.getStatus() + ": " + run.getAllFailureExceptions());
            }
            long confirmStarted = System.nanoTime();
            MallAccount mallAccount = context.getBean(JdbcMallAccounts.class).byId(account);
            SettlementConfirmation.Result confirmed = context.getBean(SettlementConfirmation.class)
                    .confirm(mallAccount, "2026-10", "bench", null);
            Duration confirm = Duration.ofNanos(System.nanoTime() - confirmStarted);
            peak = Math.max(peak, HeapMeter.peakMb());
            if (confirmed.standing().lineCount() != lines) {
                throw new IllegalStateException("expected " + lines + " settled lines, found " + confirmed.standing().lineCount());
            }
            long bytes = Files.size(confirmed.workbook());
            return new Result(lines, load, settle, confirm, peak, bytes);
        }
    }

    /** Two delivered lines per order, spread over October. */
    private static Order order(long account, int o) {
        String orderId = "20261000-" + (1_000_000 + o);
        LocalDateTime at = LocalDateTime.of(2026, 10, 1, 0, 0).plusSeconds(o * 5L % (31L * 86_400));
        List<OrderLine> lines = new ArrayList<>(2);
        for (int l = 1; l <= 2; l++) {
            long price = 9_900 + (o % 800) * 100L;
            String product = String.valueOf(10_000 + (o + l) % 5_000);
            lines.add(new OrderLine(account, orderId, orderId + "-0" + l, product, "P" + product + "000A", null,
                    "데일리 코튼 반팔 티셔츠", "색상=블랙, 사이즈=M", 1, null, Money.of(price), Money.ZERO, Money.ZERO, Money.ZERO,
                    Money.of(price), "N40", OrderLineStatus.DELIVERED));
        }
        Money amount = lines.get(0).paymentAmount().plus(lines.get(1).paymentAmount());
        return new Order(account, orderId, at, at, Extent.ALL, Extent.NONE, null, amount, Money.of(3_000), Money.ZERO,
                amount.plus(Money.of(3_000)), lines);
    }
}
