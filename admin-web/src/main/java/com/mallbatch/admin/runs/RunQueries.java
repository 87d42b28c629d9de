package com.mallbatch.admin.runs;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** The runs grid, read from Spring Batch's own tables with SQL: one cell per job and business date. */
@Repository
public class RunQueries {

    /** The newest execution of a job for a business date (several instances of one date: the newest wins). */
    public record Cell(String jobName, LocalDate businessDate, long executionId, String status) {
    }

    private final JdbcTemplate jdbc;

    public RunQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cells of business dates from {@code from} to {@code to}, both included, optionally of one job. */
    public List<Cell> grid(LocalDate from, LocalDate to, String jobName) {
        String sql = "SELECT i.JOB_NAME, p.PARAMETER_VALUE, e.JOB_EXECUTION_ID, e.STATUS FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' AND p.IDENTIFYING = 'Y' "
                + "WHERE p.PARAMETER_VALUE BETWEEN ? AND ? " + (jobName == null ? "" : "AND i.JOB_NAME = ? ")
                + "AND e.JOB_EXECUTION_ID = (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x "
                + "JOIN BATCH_JOB_INSTANCE y ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS q ON q.JOB_EXECUTION_ID = x.JOB_EXECUTION_ID "
                + "AND q.PARAMETER_NAME = 'businessDate' AND q.IDENTIFYING = 'Y' "
                + "WHERE y.JOB_NAME = i.JOB_NAME AND q.PARAMETER_VALUE = p.PARAMETER_VALUE) "
                + "ORDER BY i.JOB_NAME, p.PARAMETER_VALUE";
        Object[] args = jobName == null ? new Object[]{from.toString(), to.toString()}
                : new Object[]{from.toString(), to.toString(), jobName};
        return jdbc.query(sql, (rs, i) -> new Cell(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getLong(3),
                rs.getString(4)), args);
    }

    /** The jobs that have ever run, by name. */
    public List<String> jobNames() {
        return jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE ORDER BY JOB_NAME", String.class);
    }
}
