package com.mallbatch.admin;

import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stop-run} and {@code abandon-run} from the command line: the same use case as the admin web's buttons
 * (RunControl), written to admin_audit with who asked; a request that does not fit the run exits 2 with one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunControlCommandsTest {

    static final String KEY = CredentialCipher.newKey();
    static ThrowawaySchema schema;

    @BeforeAll
    static void create() {
        schema = ThrowawaySchema.create("runcli");
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void aFailedRunIsAbandonedAndAStopOfARunThatIsNotRunningIsRefusedInOneLine(CapturedOutput output) {
        long failed;
        try (ConfigurableApplicationContext app = MallbatchApplication.run("--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
                "--mallbatch.secret-key=" + KEY, "--mallbatch.command=stop-run", "execution=424242")) {
            failed = failedRun(app.getBean(JobRepository.class));
            assertThat(SpringApplication.exit(app)).as("no such execution").isEqualTo(2);
        }
        AppRun refused = AppRun.execute(output, schema, KEY, "--mallbatch.command=stop-run", "execution=" + failed,
                "by=kim");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errors()).singleElement().asString().contains("stop-run: collectJob execution " + failed
                + " is FAILED; only a [STARTING, STARTED] run can be stopped");
        assertThat(refused.printedStackTrace()).isFalse();

        AppRun abandoned = AppRun.execute(output, schema, KEY, "--mallbatch.command=abandon-run", "execution=" + failed,
                "by=kim");
        assertThat(abandoned.exitCode()).isZero();
        JdbcTemplate owner = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                schema.jdbcUrl(), schema.user(), schema.password(), true));
        assertThat(owner.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, failed)).isEqualTo("ABANDONED");
        assertThat(owner.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit "
                + "ORDER BY id", String.class)).containsExactly(
                "cli stop-run execution 424242 refused: no such execution",
                "kim stop-run collectJob execution " + failed + " refused: collectJob execution " + failed
                        + " is FAILED; only a [STARTING, STARTED] run can be stopped",
                "kim abandon-run collectJob execution " + failed + " abandoned");
    }

    /** A collect that failed, as the job repository keeps it. */
    private static long failedRun(JobRepository repository) {
        JobParameters parameters = new JobParametersBuilder().addString("businessDate", "2026-11-20").toJobParameters();
        JobInstance instance = repository.createJobInstance("collectJob", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        repository.update(execution);
        return execution.getId();
    }
}
