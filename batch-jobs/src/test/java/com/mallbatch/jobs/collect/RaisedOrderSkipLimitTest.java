package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator who raised {@code mallbatch.collect.order-skip-limit} on purpose gets the malformed orders skipped and listed. */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.order-skip-limit=50"})
class RaisedOrderSkipLimitTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig(), "orderskip");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job collectJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void malformedOrdersWithinTheRaisedLimitAreSkippedWithTheirReasonAndTheRestLoads() throws Exception {
        Map<String, Long> ids = world.registerAccounts(accounts);
        world.sandbox.faults().malformedRecordEvery(25);

        assertThat(jobOperator.start(collectJob, new JobParametersBuilder()
                .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        int skippedOrders = 0;
        for (Cafe24Mall mall : world.sandbox.cafe24().malls()) {
            long accountId = ids.get(mall.mallId());
            ExpectedRows expected = new ExpectedRows(accountId, mall.groundTruth());
            DatabaseRows actual = new DatabaseRows(jdbc, accountId);
            assertThat(actual.orders()).isEqualTo(expected.orders(BUSINESS_DATE.minusDays(7), BUSINESS_DATE));
            assertThat(actual.orderLines()).isEqualTo(expected.orderLines(BUSINESS_DATE.minusDays(7), BUSINESS_DATE));
            for (String orderId : expected.malformedOrders(BUSINESS_DATE.minusDays(7), BUSINESS_DATE)) {
                skippedOrders++;
                assertThat(jdbc.queryForObject("SELECT reason FROM skipped_records WHERE account_id = ? AND entity = 'order' "
                        + "AND record_key = ?", String.class, accountId, orderId))
                        .contains("field 'order_date'").contains("2026-13-45");
            }
        }
        assertThat(skippedOrders).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_records WHERE entity = 'order'", Integer.class))
                .isEqualTo(skippedOrders);
    }
}
