package com.mallbatch.writers.mysql;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Remote partitioning's bookkeeping ({@code V14}): the worker processes and their heartbeats ({@code collect_workers}),
 * and which worker claimed which partition ({@code collect_partition_claims}), so a request delivered twice runs once
 * and a partition whose worker died can be told from one still running. Every time is the database's own clock.
 */
public final class JdbcPartitionClaims {

    /** A claimed partition and its worker's last heartbeat. */
    public record Claim(long stepExecutionId, String partition, String worker, LocalDateTime lastBeat) {
    }

    private final JdbcTemplate jdbc;

    public JdbcPartitionClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A worker process joins (or beats again under the same name). */
    public void beat(String worker, int concurrency) {
        jdbc.update("INSERT INTO collect_workers (worker, concurrency, started_at, heartbeat_at) VALUES (?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)) "
                + "ON DUPLICATE KEY UPDATE heartbeat_at = UTC_TIMESTAMP(3), concurrency = VALUES(concurrency)", worker, concurrency);
    }

    /** Claims a partition for {@code worker}; false when someone (maybe this worker, before a redelivery) already did. */
    public boolean claim(long stepExecutionId, long jobExecutionId, String partition, String worker) {
        try {
            return jdbc.update("INSERT INTO collect_partition_claims (step_execution_id, job_execution_id, partition_name, "
                    + "worker, claimed_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))", stepExecutionId, jobExecutionId, partition, worker) == 1;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    /** Who claimed a partition, if anyone. */
    public Optional<String> claimant(long stepExecutionId) {
        return jdbc.queryForList("SELECT worker FROM collect_partition_claims WHERE step_execution_id = ?", String.class,
                stepExecutionId).stream().findFirst();
    }

    /** The partition's run ended, as {@code outcome} (COMPLETED, FAILED, LOST …). */
    public void ended(long stepExecutionId, String outcome) {
        jdbc.update("UPDATE collect_partition_claims SET ended_at = UTC_TIMESTAMP(3), outcome = ? WHERE step_execution_id = ? "
                + "AND ended_at IS NULL", outcome, stepExecutionId);
    }

    /** Partitions of a job execution still held by a worker whose last beat is older than {@code silence}. */
    public List<Claim> heldByDeadWorkers(long jobExecutionId, Duration silence) {
        return held(jobExecutionId, silence, true);
    }

    /** Partitions of a job execution still held by a worker that beats. */
    public List<Claim> heldByLiveWorkers(long jobExecutionId, Duration silence) {
        return held(jobExecutionId, silence, false);
    }

    /** The step executions of a job execution that some worker claimed. */
    public Set<Long> claimed(long jobExecutionId) {
        return Set.copyOf(jdbc.queryForList("SELECT step_execution_id FROM collect_partition_claims WHERE job_execution_id = ?",
                Long.class, jobExecutionId));
    }

    private List<Claim> held(long jobExecutionId, Duration silence, boolean dead) {
        return jdbc.query("SELECT c.step_execution_id, c.partition_name, c.worker, w.heartbeat_at FROM collect_partition_claims c "
                        + "JOIN collect_workers w ON w.worker = c.worker WHERE c.job_execution_id = ? AND c.ended_at IS NULL "
                        + "AND (TIMESTAMPDIFF(MICROSECOND, w.heartbeat_at, UTC_TIMESTAMP(3)) > ?) = ? ORDER BY c.step_execution_id",
                (rs, i) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()),
                jobExecutionId, silence.toNanos() / 1000, dead);
    }
}
