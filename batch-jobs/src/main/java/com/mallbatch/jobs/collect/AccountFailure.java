package com.mallbatch.jobs.collect;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;
import java.util.Optional;

/**
 * Why an account's collect failed, as people need it: the stage that failed and the first line of what went wrong,
 * taken from the first cause that is not one of the framework's wrappers (where mallbatch put the account, the URL
 * and the mall's or site's words), not from "Unable to process chunk".
 */
record AccountFailure(String account, String stage, String firstLine) {

    /** The failed stage of the account whose steps end in {@code suffix}, in this job execution. */
    static Optional<AccountFailure> of(JobExecution job, String suffix, String account) {
        return job.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED && s.getStepName().endsWith(":" + suffix)
                        && !s.getStepName().startsWith(CollectJobConfiguration.ACCOUNT_STEP + ":"))
                .max(Comparator.comparing(StepExecution::getId))
                .map(s -> new AccountFailure(account, s.getStepName().substring(0, s.getStepName().indexOf(':')),
                        firstLine(s)));
    }

    static String firstLine(StepExecution step) {
        Throwable failure = step.getFailureExceptions().isEmpty() ? null : step.getFailureExceptions().get(0);
        if (failure == null) {
            String description = step.getExitStatus().getExitDescription();
            return description.isBlank() ? step.getExitStatus().getExitCode() : description.lines().findFirst().orElse("");
        }
        Throwable cause = failure;
        while (cause.getClass().getName().startsWith("org.springframework.") && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public String toString() {
        return account + " failed in " + stage + ": " + firstLine;
    }
}
