package com.mallbatch.bench;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * collectJob from K sandbox SmartStore sellers, each with its own Commerce API application, in a sandbox JVM of its
 * own. The gateway limits each API of an application separately, so the budget is measured where one API bounds a
 * stage: the origin-product detail (one call per product) during each seller's variants-and-stock stage, against the
 * burst plus the replenish rate over that stage's duration.
 */
final class SmartStoreCollectBench {

    private static final String ORIGIN_PRODUCT = "GET /v2/products/origin-products/{originProductNo}";

    record Result(int sellers, int rate, long rows, Duration wall, long calls, long detailCalls, double detailAllowed,
                  long rejected429, long peakHeapMb) {

        double rowsPerSecond() {
            return rows / (wall.toMillis() / 1000.0);
        }

        double budgetUsed() {
            return detailCalls / detailAllowed;
        }
    }

    private SmartStoreCollectBench() {
    }

    static Result run(int sellers, int products, int ordersPerDay, int rate) throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("--malls=0", "--html-centers=0", "--next-centers=0",
                "--line-centers=0", "--smartstore-sellers=" + sellers, "--smartstore-rate=" + rate,
                "--products=" + products, "--variants=4", "--orders=" + ordersPerDay, "--days=10"));
             ThrowawaySchema schema = ThrowawaySchema.create("bench_smartstore");
             ConfigurableApplicationContext context = BenchContext.start(schema,
                     "spring.datasource.hikari.maximum-pool-size=" + (2 * sellers + 4),
                     "mallbatch.collect.concurrency=" + sellers)) {
            JdbcMallAccounts accounts = context.getBean(JdbcMallAccounts.class);
            for (JsonNode seller : sandbox.malls.path("smartstore")) {
                String onBehalfOf = seller.path("token_type").asString().equals("SELLER")
                        ? seller.path("seller_id").asString() : null;
                accounts.register(new JdbcMallAccounts.Registration("bench", "벤치", Platform.SMARTSTORE,
                        seller.path("seller_id").asString(), seller.path("base_url").asString(), RateBudget.CAFE24_DEFAULT,
                        null, true, new MallCredentials(seller.path("client_id").asString(),
                        seller.path("client_secret").asString(), onBehalfOf, null, null)));
            }
            CollectBench.Collected collected = CollectBench.collectYesterday(context);
            Duration wall = collected.wall();
            long peak = collected.peakHeapMb();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long rows = 0;
            for (String table : List.of("categories", "products", "variants", "stock_levels", "orders", "order_lines",
                    "mall_daily_settlements")) {
                rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            }
            // each seller's variants-and-stock stage, in seconds
            double stageSeconds = jdbc.queryForList("SELECT TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) / 1e6 "
                    + "FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collectVariantsAndStock:%'", Double.class)
                    .stream().mapToDouble(Double::doubleValue).sum();
            long calls = 0;
            long detailCalls = 0;
            long rejected = 0;
            for (JsonNode seller : sandbox.smartStoreStats()) {
                calls += seller.path("accepted_calls").asLong();
                rejected += seller.path("rejected_429").asLong();
                detailCalls += seller.path("calls_by_api").path(ORIGIN_PRODUCT).asLong();
            }
            double detailAllowed = sellers * 2.0 * rate + rate * stageSeconds;
            return new Result(sellers, rate, rows, wall, calls, detailCalls, detailAllowed, rejected, peak);
        }
    }
}
