package com.mallbatch.jobs.collect;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * What an account's step read, wrote and skipped for the whole account-day, across restarts: a restarted step
 * execution counts only what it did itself, so the committed totals of the executions before it are carried in the
 * ExecutionContext, updated with every commit (a killed JVM loses nothing committed). Stateless, so one instance
 * serves every partition; the counts come from the calling thread's step execution.
 */
final class AccountDayCounts implements ItemStream {

    private static final String[] KINDS = {"read", "write", "skip"};

    @Override
    public void open(ExecutionContext context) {
        for (String kind : KINDS) {
            context.putLong(base(kind), context.getLong(total(kind), 0));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        context.putLong(total("read"), context.getLong(base("read")) + step.getReadCount());
        context.putLong(total("write"), context.getLong(base("write")) + step.getWriteCount());
        context.putLong(total("skip"), context.getLong(base("skip")) + step.getSkipCount());
    }

    static long read(ExecutionContext context) {
        return context.getLong(total("read"), 0);
    }

    static long written(ExecutionContext context) {
        return context.getLong(total("write"), 0);
    }

    static long skipped(ExecutionContext context) {
        return context.getLong(total("skip"), 0);
    }

    private static String total(String kind) {
        return "accountDay." + kind;
    }

    private static String base(String kind) {
        return "accountDay." + kind + ".before";
    }
}
