package com.mallbatch.writers.mysql;

import com.mallbatch.domain.OrderLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

import static com.mallbatch.writers.mysql.UpsertWriterTest.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside a step, both load paths count per chunk and account what the merge inserts, updates and leaves unchanged:
 * exactly, with a key twice in one chunk counted once (its last row wins), and nothing recorded for a rolled-back chunk.
 */
class LoadChangesTest {

    static MigratedSchema db;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;
    static long nextStep = 100;

    @BeforeAll
    static void migrate() {
        db = new MigratedSchema("loadchanges");
        dataSource = db.dataSource;
        jdbc = db.jdbc;
        tx = db.tx;
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    long step;

    @BeforeEach
    void inAStep() {
        jdbc.execute("DELETE FROM order_lines");
        step = nextStep++;
        JobExecution job = new JobExecution(step * 10, new JobInstance(1, "collectJob"), new JobParameters());
        StepSynchronizationManager.register(new StepExecution(step, "collectOrders:partition0", job));
    }

    @AfterEach
    void stepDone() {
        StepSynchronizationManager.close();
    }

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void newKeysAreInsertedChangedRowsUpdatedAndTheRestUnchanged(UpsertMode mode) {
        ItemWriter<OrderLine> writer = new CanonicalTables(dataSource, mode).orderLines();

        write(writer, List.of(line("L1", "one", 1), line("L2", "two", 1), line("L2", "two, last wins", 2)));
        assertThat(counts()).containsExactly(List.of(7L, 2L, 0L, 0L));

        write(writer, List.of(line("L1", "one", 1), line("L2", "two, last wins", 3), line("L3", "three", 1)));
        assertThat(counts()).containsExactly(List.of(7L, 3L, 1L, 1L));
        assertThat(jdbc.queryForList("SELECT quantity FROM order_lines ORDER BY line_id", Integer.class))
                .containsExactly(1, 3, 1);
    }

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void aRolledBackChunkRecordsNothing(UpsertMode mode) {
        ItemWriter<OrderLine> writer = new CanonicalTables(dataSource, mode).orderLines();
        tx.executeWithoutResult(status -> {
            writeNow(writer, List.of(line("L9", "rolled back", 1)));
            status.setRollbackOnly();
        });
        assertThat(counts()).containsExactly(List.of(0L, 0L, 0L, 0L));
    }

    private void write(ItemWriter<OrderLine> writer, List<OrderLine> lines) {
        tx.executeWithoutResult(status -> writeNow(writer, lines));
    }

    private static void writeNow(ItemWriter<OrderLine> writer, List<OrderLine> lines) {
        try {
            writer.write(new Chunk<>(lines));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This step's totals so far: account, inserted, updated, unchanged. */
    private List<List<Long>> counts() {
        return jdbc.query("SELECT COALESCE(MAX(account_id), 0), COALESCE(SUM(inserted), 0), COALESCE(SUM(updated), 0), "
                        + "COALESCE(SUM(unchanged), 0) FROM load_changes WHERE step_execution_id = ? AND table_name = 'order_lines'",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), step);
    }
}
