package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Cafe24 malls and two crawled seller centers, one mall's products path down: the other four accounts collect
 * every stage to their ground truth, the job fails naming that one account; the same command, once the outage is
 * over, runs that account alone and all five equal their truth — even when the failed stage's stored context is the
 * empty one a process killed in the stage's first chunk leaves behind.
 */
@SpringBootTest(classes = TestJobsApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "mallbatch.cafe24.max-retries=2",
        "mallbatch.cafe24.initial-backoff=10ms"})
class AccountIsolationTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(60, 3, 10, 8)
            .withSellerCenters(2, 0, 10_000).withLineSellerCenters(0), "isolation");

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
    @Autowired
    JobRepository jobRepository;

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void oneBrokenAccountFailsAloneAndTheSameCommandRerunsOnlyIt() throws Exception {
        Map<String, Long> malls = world.registerAccounts(accounts);
        Map<String, Long> centers = world.registerSellerCenters(accounts, "stylemarket", "stylemarket01", "stylemarket02");
        world.sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/products");

        JobExecution failed = run();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription()).startsWith("1 of 5 account(s) failed")
                .contains("acme/CAFE24/sandbox02 failed in collectProducts").doesNotContain("sandbox01")
                .doesNotContain("Partition handler returned an unsuccessful step");
        for (String mallId : List.of("sandbox01", "sandbox03")) {
            GroundTruth.assertMall(jdbc, world.sandbox.cafe24().mall(mallId), malls.get(mallId), BUSINESS_DATE);
        }
        for (String centerId : centers.keySet()) {
            GroundTruth.assertCenter(jdbc, world.sandbox.sellerCenters().center(centerId), centers.get(centerId),
                    BUSINESS_DATE);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE account_id = ?", Integer.class,
                malls.get("sandbox02"))).as("the broken account got no further than its products").isZero();

        forgetStoredContext(failed, "collectProducts:acme/CAFE24/sandbox02");
        world.sandbox.faults().clear();
        JobExecution restarted = run();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName())
                .as("only the failed account ran again, from its failed stage on")
                .allMatch(name -> name.equals("collectAccounts") || name.endsWith("acme/CAFE24/sandbox02"))
                .noneMatch(name -> name.startsWith("collectCategories:"));
        for (String mallId : malls.keySet()) {
            GroundTruth.assertMall(jdbc, world.sandbox.cafe24().mall(mallId), malls.get(mallId), BUSINESS_DATE);
        }
        for (String centerId : centers.keySet()) {
            GroundTruth.assertCenter(jdbc, world.sandbox.sellerCenters().center(centerId), centers.get(centerId),
                    BUSINESS_DATE);
        }
    }

    /**
     * Leaves the stage as a process killed in its first chunk does: Spring Batch stores a stage's context empty when
     * it creates the step execution and first fills it at the first chunk's commit.
     */
    private void forgetStoredContext(JobExecution execution, String stepName) {
        StepExecution stage = jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(stepName)).findFirst().orElseThrow();
        stage.setExecutionContext(new ExecutionContext());
        jobRepository.updateExecutionContext(stage);
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(collectJob, new JobParametersBuilder()
                .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters());
    }
}
