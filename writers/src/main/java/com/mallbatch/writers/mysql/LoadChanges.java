package com.mallbatch.writers.mysql;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts what a chunk's merge will do to its table, per account, and appends the counts to {@code load_changes} in the
 * chunk's own transaction (a rolled-back chunk leaves none). Counted from the stage before the merge, with the stage's
 * columns typed as the table's, so the comparison is the server's own: ON DUPLICATE KEY UPDATE's affected-rows cannot
 * tell these apart (1 insert, 2 update, 0 or 1 unchanged depending on CLIENT_FOUND_ROWS) and a rewritten JDBC batch
 * reports one figure for all its rows.
 */
final class LoadChanges {

    private LoadChanges() {
    }

    /** The step execution writing now, or null outside a step (a bench or a test calling the writer): no counts then. */
    static StepExecution currentStep() {
        StepContext context = StepSynchronizationManager.getContext();
        return context == null ? null : context.getStepExecution();
    }

    static void countAndRecord(Connection connection, TableSpec<?> spec, String stage, StepExecution step)
            throws SQLException {
        try (Statement count = connection.createStatement();
             ResultSet rs = count.executeQuery(spec.changeCountSql(stage));
             PreparedStatement insert = connection.prepareStatement("INSERT INTO load_changes (job_execution_id, "
                     + "step_execution_id, account_id, table_name, inserted, updated, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            while (rs.next()) {
                long inserted = rs.getLong(2);
                long updated = rs.getLong(3);
                insert.setLong(1, step.getJobExecutionId());
                insert.setLong(2, step.getId());
                insert.setLong(3, rs.getLong(1));
                insert.setString(4, spec.table());
                insert.setLong(5, inserted);
                insert.setLong(6, updated);
                insert.setLong(7, rs.getLong(4) - inserted - updated);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
