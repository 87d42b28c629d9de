package com.mallbatch.jobs.launch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;

/**
 * The whole text of a step that did not complete — its exit description and the stack trace of each of its failures —
 * in {@code step_failures}: Spring Batch keeps only the first 2,500 characters (BATCH_STEP_EXECUTION.EXIT_MESSAGE),
 * which usually cuts a trace before its root cause.
 */
public final class StepFailures {

    /** MEDIUMTEXT holds 16 MB, at most 4 bytes a character; a trace longer than this is cut, and says so. */
    static final int MAX_CHARS = 4_000_000;

    private final JdbcTemplate jdbc;

    public StepFailures(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Whether a save of this step is its end and something worth keeping: it ended, and not as COMPLETED. */
    static boolean worthKeeping(StepExecution step) {
        return step.getEndTime() != null && step.getStatus() != BatchStatus.COMPLETED && !trace(step).isBlank();
    }

    public void record(StepExecution step) {
        String trace = trace(step);
        LocalDateTime at = step.getEndTime();
        jdbc.update("INSERT INTO step_failures (step_execution_id, job_execution_id, step_name, status, failed_at, trace) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = ?, failed_at = ?, trace = ?",
                step.getId(), step.getJobExecutionId(), step.getStepName(), step.getStatus().name(), at, trace,
                step.getStatus().name(), at, trace);
    }

    /** The exit description, then the trace of each failure it does not already hold. */
    static String trace(StepExecution step) {
        StringBuilder text = new StringBuilder(step.getExitStatus().getExitDescription());
        for (Throwable failure : step.getFailureExceptions()) {
            String printed = stackTrace(failure);
            if (text.indexOf(printed) < 0) {
                text.append(text.isEmpty() ? "" : "\n").append(printed);
            }
        }
        return text.length() <= MAX_CHARS ? text.toString()
                : text.substring(0, MAX_CHARS) + "\n… (cut at " + MAX_CHARS + " characters)";
    }

    private static String stackTrace(Throwable failure) {
        StringWriter writer = new StringWriter();
        failure.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
