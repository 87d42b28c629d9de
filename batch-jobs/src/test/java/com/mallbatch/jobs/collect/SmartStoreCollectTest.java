package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SmartStore sellers collected through the Commerce API of the sandbox, which plays Naver's documented contract:
 * two sellers read through one solution application (type=SELLER, one shared rate limit per API), every table — the
 * daily settlements Naver reports included — equal to the sandbox's ground truth, also through 429 bursts and expired
 * tokens.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.collect.order-lookback-days=" + SmartStoreCollectTest.LOOKBACK_DAYS,
        "mallbatch.smartstore.initial-backoff=20ms",
        "mallbatch.smartstore.max-backoff=500ms",
        "mallbatch.smartstore.max-retries=20"})
class SmartStoreCollectTest {

    static final int LOOKBACK_DAYS = 30;

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(0).withSellerCenters(0, 0, 100)
            .withLineSellerCenters(0).withSmartStoreSellers(2).withSmartStoreSellersPerApplication(2)
            .withSize(60, 4, 15, 10).withSmartStoreRate(100), "smartstore");
    // the sandbox's today: every change up to its "now" falls in the business date's window
    static final LocalDate BUSINESS_DATE = SandboxWorld.TODAY;
    private static long runs;

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

    Map<String, Long> ids;

    @BeforeEach
    void accounts() {
        ids = world.registerSmartStoreSellers(accounts);
        world.resetCollectedData(jdbc);
        world.sandbox.smartStore().clearFaults();
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void everySellerEqualsTheSandboxTruth() throws Exception {
        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (SmartStoreSeller seller : world.sandbox.smartStore().sellers()) {
            assertSeller(seller);
        }
    }

    @Test
    void burstsOf429AndExpiredTokensStillReachTheTruth() throws Exception {
        world.sandbox.faults().bursts429(0.05, 3);
        long tokensBefore = world.sandbox.smartStore().sellers().stream().mapToLong(SmartStoreSeller::tokensIssued).sum();
        long rejectedBefore = world.sandbox.smartStore().sellers().stream().mapToLong(SmartStoreSeller::rejected429).sum();
        world.sandbox.smartStore().expireAccessTokens();

        assertThat(collect().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        for (SmartStoreSeller seller : world.sandbox.smartStore().sellers()) {
            assertSeller(seller);
        }
        assertThat(world.sandbox.smartStore().sellers().stream().mapToLong(SmartStoreSeller::rejected429).sum())
                .as("the 429 bursts happened").isGreaterThan(rejectedBefore);
        assertThat(world.sandbox.smartStore().sellers().stream().mapToLong(SmartStoreSeller::tokensIssued).sum())
                .as("expired tokens were renewed").isGreaterThan(tokensBefore);
        world.sandbox.faults().clear();
    }

    private void assertSeller(SmartStoreSeller seller) {
        long accountId = ids.get(seller.sellerId());
        ExpectedSmartStoreRows expected = new ExpectedSmartStoreRows(accountId, seller.groundTruth());
        SmartStoreRows actual = new SmartStoreRows(jdbc, accountId);
        String id = seller.sellerId();
        assertThat(actual.categories()).as("categories of %s", id).isNotEmpty().isEqualTo(expected.categories());
        assertThat(actual.categoryMemberships()).as("category memberships of %s", id).isEqualTo(expected.categoryMemberships());
        assertThat(actual.products()).as("products of %s", id).isNotEmpty().isEqualTo(expected.products());
        assertThat(actual.variants()).as("variants of %s", id).isEqualTo(expected.variants());
        assertThat(actual.stock(BUSINESS_DATE)).as("stock of %s", id).isEqualTo(expected.stock(BUSINESS_DATE));
        assertThat(actual.orders()).as("orders of %s", id).isNotEmpty().isEqualTo(expected.orders());
        assertThat(actual.orderLines()).as("order lines of %s", id).isEqualTo(expected.orderLines());
        assertThat(actual.dailySettlements()).as("daily settlements of %s", id).isNotEmpty()
                .isEqualTo(expected.dailySettlements(BUSINESS_DATE.minusDays(LOOKBACK_DAYS), BUSINESS_DATE));
    }

    private JobExecution collect() throws Exception {
        return jobOperator.start(collectJob, new JobParametersBuilder().addString("businessDate", BUSINESS_DATE.toString())
                .addLong("run.id", runs++).toJobParameters());
    }
}
