package com.mallbatch.bench;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * collectJob from K sandbox malls of size S, in a sandbox JVM of its own. Prints rows loaded per second, API calls
 * per mall against what the mall's leaky bucket allowed in the same time, 429s, and the collector's peak heap.
 */
final class CollectBench {

    record Result(String scenario, int malls, long rows, Duration wall, double callsPerMall, double allowedPerMall,
                  long rejected429, long peakHeapMb) {

        double rowsPerSecond() {
            return rows / (wall.toMillis() / 1000.0);
        }

        double budgetUsed() {
            return callsPerMall / allowedPerMall;
        }
    }

    private CollectBench() {
    }

    record Collected(Duration wall, long peakHeapMb) {
    }

    /** Runs collectJob for yesterday (Asia/Seoul), timing it and metering the heap; a run that did not complete throws. */
    static Collected collectYesterday(ConfigurableApplicationContext context) throws Exception {
        HeapMeter.reset();
        long started = System.nanoTime();
        JobExecution execution = context.getBean(JobOperator.class).start(context.getBean("collectJob", Job.class),
                new JobParametersBuilder().addString("businessDate",
                        LocalDate.now(ZoneId.of("Asia/Seoul")).minusDays(1).toString()).toJobParameters());
        Collected collected = new Collected(Duration.ofNanos(System.nanoTime() - started), HeapMeter.peakMb());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("collectJob ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return collected;
    }

    static Result run(String scenario, int malls, int products, int ordersPerDay, int bucket, double leak)
            throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("--malls=" + malls, "--html-centers=0", "--next-centers=0",
                "--products=" + products,
                "--variants=4", "--orders=" + ordersPerDay, "--days=10", "--bucket=" + bucket, "--leak=" + leak));
             ThrowawaySchema schema = ThrowawaySchema.create("bench_collect");
             ConfigurableApplicationContext context = BenchContext.start(schema,
                     "spring.datasource.hikari.maximum-pool-size=" + (2 * malls + 4),
                     "mallbatch.collect.concurrency=" + malls,
                     "mallbatch.cafe24.max-calls-per-second=" + Math.max(10, leak * 2))) {
            JdbcMallAccounts accounts = context.getBean(JdbcMallAccounts.class);
            for (JsonNode mall : sandbox.malls.path("cafe24")) {
                accounts.register(new JdbcMallAccounts.Registration("bench", "벤치", Platform.CAFE24,
                        mall.path("mall_id").asString(), mall.path("base_url").asString(), new RateBudget(bucket, leak),
                        null, true, new MallCredentials(mall.path("client_id").asString(),
                        mall.path("client_secret").asString(), mall.path("refresh_token").asString(), null, null)));
            }
            Collected collected = collectYesterday(context);
            Duration wall = collected.wall();
            long peak = collected.peakHeapMb();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long rows = 0;
            for (String table : List.of("categories", "products", "variants", "stock_levels", "orders", "order_lines")) {
                rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            }
            JsonNode stats = sandbox.stats();
            long calls = 0;
            long rejected = 0;
            for (JsonNode mall : stats) {
                calls += mall.path("accepted_calls").asLong();
                rejected += mall.path("rejected_429").asLong();
            }
            double seconds = wall.toMillis() / 1000.0;
            return new Result(scenario, malls, rows, wall, (double) calls / malls, bucket + leak * seconds, rejected, peak);
        }
    }
}
