package com.mallbatch.jobs.collect;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Optional;

/**
 * Why an account's partition failed, kept in the partition's ExecutionContext in words for people: written where the
 * failure is known — by the process that ran the account (its failed stage and first error line), or by the manager
 * when the worker running it died — and read by the job's outcome, which may run in another process than either.
 */
public final class AccountFailureNote {

    private static final String STAGE = "failure.stage";
    private static final String LINE = "failure.line";

    private AccountFailureNote() {
    }

    public static void write(ExecutionContext context, String stage, String line) {
        context.putString(STAGE, stage);
        context.putString(LINE, line);
    }

    /** The stage and the line, when a process wrote them. */
    static Optional<String[]> read(ExecutionContext context) {
        return context.containsKey(STAGE) && context.containsKey(LINE)
                ? Optional.of(new String[]{context.getString(STAGE), context.getString(LINE)}) : Optional.empty();
    }
}
