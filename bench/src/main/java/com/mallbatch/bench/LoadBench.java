package com.mallbatch.bench;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.UpsertMode;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * N order lines through the project's upsert writer, inside a Spring Batch chunk step, against MySQL's own
 * LOAD DATA LOCAL INFILE of the same rows into the same empty table, measured in the same run.
 */
final class LoadBench {

    record Result(String method, int rows, Duration wall, long peakHeapMb) {

        double rowsPerSecond() {
            return rows / (wall.toMillis() / 1000.0);
        }
    }

    private LoadBench() {
    }

    static List<Result> run(int rows, int chunkSize) throws Exception {
        List<Result> results = new ArrayList<>();
        try (ThrowawaySchema schema = ThrowawaySchema.create("bench_load");
             ConfigurableApplicationContext context = BenchContext.start(schema)) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            jdbc.execute("TRUNCATE TABLE order_lines");
            results.add(loadData(dataSource, rows));

            for (UpsertMode mode : UpsertMode.values()) {
                jdbc.execute("TRUNCATE TABLE order_lines");
                results.add(throughWriter(context, mode, rows, chunkSize, "new rows"));
                results.add(throughWriter(context, mode, rows, chunkSize, "same rows again"));
            }
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM order_lines", Long.class);
            if (stored != rows) {
                throw new IllegalStateException("expected " + rows + " order lines, found " + stored);
            }
        }
        return results;
    }

    /** The physical ceiling: LOAD DATA LOCAL INFILE of the same rows from a file. */
    private static Result loadData(DataSource dataSource, int rows) throws Exception {
        Path file = Files.createTempFile("order_lines", ".tsv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                Object[] row = CanonicalTables.ORDER_LINES.row(line(i));
                out.write(java.util.Arrays.stream(row).map(v -> v == null ? "\\N"
                        : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)).collect(Collectors.joining("\t")));
                out.write('\n');
            }
        }
        HeapMeter.reset();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE order_lines CHARACTER SET utf8mb4 ("
                    + String.join(", ", CanonicalTables.ORDER_LINES.columnNames()) + ")");
        }
        Result result = new Result("LOAD DATA LOCAL INFILE (baseline)", rows,
                Duration.ofNanos(System.nanoTime() - started), HeapMeter.peakMb());
        Files.delete(file);
        return result;
    }

    private static Result throughWriter(ConfigurableApplicationContext context, UpsertMode mode, int rows,
                                        int chunkSize, String what) throws Exception {
        JobRepository repository = context.getBean(JobRepository.class);
        CanonicalTables tables = new CanonicalTables(context.getBean(DataSource.class), mode);
        AtomicInteger next = new AtomicInteger();
        ItemReader<OrderLine> generator = () -> {
            int i = next.getAndIncrement();
            return i < rows ? line(i) : null;
        };
        Job job = new JobBuilder("loadBench", repository)
                .start(new StepBuilder("loadOrderLines", repository).<OrderLine, OrderLine>chunk(chunkSize)
                        .transactionManager(context.getBean(PlatformTransactionManager.class))
                        .reader(generator).writer(tables.orderLines()).build())
                .build();
        HeapMeter.reset();
        long started = System.nanoTime();
        JobExecution execution = context.getBean(JobOperator.class).start(job, new JobParametersBuilder()
                .addString("run", mode + "-" + what + "-" + System.nanoTime()).toJobParameters());
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(mode + " load ended " + execution.getStatus());
        }
        return new Result("upsert writer, " + mode + ", chunk " + chunkSize + ", " + what, rows, wall, HeapMeter.peakMb());
    }

    /** A deterministic order line, two per order; cheap to make, so the writer's side is what gets measured. */
    static OrderLine line(int i) {
        int quantity = 1 + i % 3;
        long price = 9_900 + (i % 800) * 100L;
        long discount = i % 6 == 0 ? 1_000 : 0;
        String orderId = "20261120-" + (1_000_000 + i / 2);
        String product = String.valueOf(10_000 + i % 5_000);
        return new OrderLine(1, orderId, orderId + (i % 2 == 0 ? "-01" : "-02"), product, "P" + product + "000A",
                "MB-" + product + "-01", "데일리 코튼 반팔 티셔츠", "색상=블랙, 사이즈=M", quantity, null, Money.of(price), Money.ZERO,
                Money.of(discount), Money.ZERO, Money.of(price * quantity - discount), "N40", OrderLineStatus.DELIVERED);
    }
}
