package com.mallbatch.admin.runs;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an account's steps left behind in a run: the whole text of the steps that failed, the records they skipped and
 * why, the fetches that failed.
 */
@Repository
public class AccountEvidence {

    /** At most this many of each on a page, newest first. */
    static final int LIMIT = 200;

    public record Skipped(String step, String entity, String key, String reason, LocalDateTime at) {
    }

    public record FetchFailure(String url, Integer httpStatus, String error, int attempt, LocalDateTime at) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public AccountEvidence(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Skipped> skipped(long jobExecutionId, List<String> stepNames) {
        if (stepNames.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT step_name, entity, record_key, reason, created_at FROM skipped_records "
                        + "WHERE job_execution_id = :execution AND step_name IN (:steps) ORDER BY id DESC LIMIT " + LIMIT,
                new MapSqlParameterSource("execution", jobExecutionId).addValue("steps", stepNames),
                (rs, i) -> new Skipped(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)));
    }

    public List<FetchFailure> fetchFailures(List<Long> stepExecutionIds) {
        if (stepExecutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT url, http_status, error, attempt, created_at FROM fetch_failures "
                        + "WHERE step_execution_id IN (:steps) ORDER BY id DESC LIMIT " + LIMIT,
                new MapSqlParameterSource("steps", stepExecutionIds),
                (rs, i) -> new FetchFailure(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDateTime.class)));
    }

    /**
     * The whole exit description and stack traces of those of these steps that ended without completing, by step
     * execution id, as the process that ran each kept them (step_failures); a step from before that table has none.
     */
    public Map<Long, String> wholeFailures(List<Long> stepExecutionIds) {
        Map<Long, String> traces = new HashMap<>();
        if (!stepExecutionIds.isEmpty()) {
            jdbc.query("SELECT step_execution_id, trace FROM step_failures WHERE step_execution_id IN (:steps)",
                    new MapSqlParameterSource("steps", stepExecutionIds),
                    rs -> {
                        traces.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return traces;
    }
}
