package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The skipped-record log. Rows are written in the chunk's transaction, so a skip is recorded exactly when the chunk
 * that skipped it commits.
 */
public final class JdbcSkipLog {

    /** One skipped record: which, from where, and why. */
    public record Entry(long jobExecutionId, String stepName, Long accountId, String entity, String recordKey,
                        String source, String reason) {
    }

    private final JdbcTemplate jdbc;

    public JdbcSkipLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry e) {
        jdbc.update("INSERT INTO skipped_records (job_execution_id, step_name, account_id, entity, record_key, source, "
                        + "reason) VALUES (?, ?, ?, ?, ?, ?, ?)", e.jobExecutionId(), e.stepName(), e.accountId(),
                e.entity(), truncate(e.recordKey(), 200), truncate(e.source(), 1000), truncate(e.reason(), 2000));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
