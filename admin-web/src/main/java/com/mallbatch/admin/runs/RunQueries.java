package com.mallbatch.admin.runs;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import org.springframework.batch.core.BatchStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runs grid, read from Spring Batch's own tables with SQL: one cell per job and business date. */
@Repository
public class RunQueries {

    /** The newest execution of a job for a business date (several instances of one date: the newest wins). */
    public record Cell(String jobName, LocalDate businessDate, long executionId, String status) {
    }

    /**
     * What the grid shows: one job or all, one tenant or all. A run is a tenant's when its {@code tenant} parameter
     * names it or when one of its accounts ({@code collectAccount:acme/CAFE24/acmeshop}) is that tenant's.
     */
    public record GridFilter(String jobName, String tenant) {
    }

    private final JdbcTemplate jdbc;

    public RunQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cells of business dates from {@code from} to {@code to}, both included, as the filter says. */
    public List<Cell> grid(LocalDate from, LocalDate to, GridFilter filter) {
        List<Object> args = new ArrayList<>(List.of(from.toString(), to.toString()));
        StringBuilder where = new StringBuilder();
        if (filter.jobName() != null) {
            where.append("AND i.JOB_NAME = ? ");
            args.add(filter.jobName());
        }
        if (filter.tenant() != null) {
            where.append("AND (EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS t WHERE t.JOB_EXECUTION_ID = ")
                    .append("e.JOB_EXECUTION_ID AND t.PARAMETER_NAME = 'tenant' AND t.PARAMETER_VALUE = ?) ")
                    .append("OR EXISTS (SELECT 1 FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = ")
                    .append("e.JOB_EXECUTION_ID AND s.STEP_NAME LIKE ? ESCAPE '!')) ");
            args.add(filter.tenant());
            args.add("%:" + filter.tenant().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
        }
        String sql = "SELECT i.JOB_NAME, p.PARAMETER_VALUE, e.JOB_EXECUTION_ID, e.STATUS FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' AND p.IDENTIFYING = 'Y' "
                + "WHERE p.PARAMETER_VALUE BETWEEN ? AND ? " + where
                + "AND e.JOB_EXECUTION_ID = (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x "
                + "JOIN BATCH_JOB_INSTANCE y ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS q ON q.JOB_EXECUTION_ID = x.JOB_EXECUTION_ID "
                + "AND q.PARAMETER_NAME = 'businessDate' AND q.IDENTIFYING = 'Y' "
                + "WHERE y.JOB_NAME = i.JOB_NAME AND q.PARAMETER_VALUE = p.PARAMETER_VALUE) "
                + "ORDER BY i.JOB_NAME, p.PARAMETER_VALUE";
        return jdbc.query(sql, (rs, i) -> new Cell(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getLong(3),
                rs.getString(4)), args.toArray());
    }

    /** The tenants, by key, for the grid's filter. */
    public List<String> tenants() {
        return jdbc.queryForList("SELECT tenant_key FROM tenants ORDER BY tenant_key", String.class);
    }

    /**
     * An execution's status and its steps' counts, in one query, for its live progress: the job repository's own
     * read would load each step's execution context too.
     */
    public Optional<RunProgress.Snapshot> progressSnapshot(long executionId) {
        return Optional.ofNullable(jdbc.query("SELECT i.JOB_NAME, e.STATUS, e.START_TIME, s.STEP_NAME, s.STATUS, "
                        + "s.READ_COUNT, s.WRITE_COUNT, s.START_TIME, s.END_TIME FROM BATCH_JOB_EXECUTION e "
                        + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                        + "LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                        + "WHERE e.JOB_EXECUTION_ID = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    String jobName = rs.getString(1);
                    BatchStatus status = BatchStatus.valueOf(rs.getString(2));
                    LocalDateTime start = rs.getObject(3, LocalDateTime.class);
                    List<RunProgress.StepRow> steps = new ArrayList<>();
                    do {
                        if (rs.getString(4) != null) {
                            steps.add(stepRow(rs));
                        }
                    } while (rs.next());
                    return new RunProgress.Snapshot(executionId, jobName, status, start, steps, LocalDateTime.now());
                }, executionId));
    }

    private static RunProgress.StepRow stepRow(ResultSet rs) throws SQLException {
        return new RunProgress.StepRow(rs.getString(4), BatchStatus.valueOf(rs.getString(5)), rs.getLong(6),
                rs.getLong(7), rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class));
    }

    /** The jobs that have ever run, by name. */
    public List<String> jobNames() {
        return jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE ORDER BY JOB_NAME", String.class);
    }
}
