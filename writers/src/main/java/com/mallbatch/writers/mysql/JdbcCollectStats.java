package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Per account, business date and entity: what the last run of a collect step read, wrote and skipped, and which process
 * (worker) ran it.
 */
public final class JdbcCollectStats {

    public record Stat(LocalDate businessDate, long accountId, String entity, long jobExecutionId, long readCount,
                       long writeCount, long skipCount, String status, LocalDateTime startedAt,
                       LocalDateTime endedAt, String worker) {
    }

    private final JdbcTemplate jdbc;

    public JdbcCollectStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Stat s) {
        jdbc.update("INSERT INTO collect_stats (business_date, account_id, entity, job_execution_id, read_count, "
                        + "write_count, skip_count, status, started_at, ended_at, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE job_execution_id = VALUES(job_execution_id), "
                        + "read_count = VALUES(read_count), write_count = VALUES(write_count), "
                        + "skip_count = VALUES(skip_count), status = VALUES(status), started_at = VALUES(started_at), "
                        + "ended_at = VALUES(ended_at), worker = VALUES(worker)",
                s.businessDate(), s.accountId(), s.entity(), s.jobExecutionId(), s.readCount(), s.writeCount(),
                s.skipCount(), s.status(), s.startedAt(), s.endedAt(), s.worker());
    }
}
