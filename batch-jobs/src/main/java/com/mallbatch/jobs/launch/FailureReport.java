package com.mallbatch.jobs.launch;

import org.springframework.batch.core.job.JobExecution;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person needs to read about a run that did not complete: the exit description a job wrote for people (the
 * collect's list of failed accounts), else the message of each failure, once each and without stack traces (Batch's
 * own exit description is a stack trace).
 */
public final class FailureReport {

    private FailureReport() {
    }

    public static List<String> lines(JobExecution execution) {
        String description = execution.getExitStatus().getExitDescription();
        if (description != null && !description.isBlank() && !description.contains("\tat ")) {
            return List.of(description);
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable failure : execution.getAllFailureExceptions()) {
            messages.add(message(failure));
        }
        return messages.isEmpty() ? List.of("no failure was recorded; look at the run in BATCH_STEP_EXECUTION")
                : List.copyOf(messages);
    }

    /** The first message from outside Spring's own wrappers (which merely wrap it), else the deepest one. */
    public static String message(Throwable failure) {
        String deepest = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean wrapper = t.getClass().getName().startsWith("org.springframework.");
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (!wrapper) {
                    return t.getMessage();
                }
                deepest = t.getMessage();
            }
        }
        return deepest;
    }
}
