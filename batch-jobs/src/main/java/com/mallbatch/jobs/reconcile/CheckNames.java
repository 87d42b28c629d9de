package com.mallbatch.jobs.reconcile;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.Arrays;
import java.util.List;

/**
 * The checks an account runs, one item each. Batch's counting reader keeps how many were handed out in the step's
 * ExecutionContext, and the list itself is kept beside it: a restart goes on with the first check whose result was not
 * committed, from the list the run started with, even if the configured checks changed since.
 */
final class CheckNames extends AbstractItemCountingItemStreamItemReader<String> {

    private static final String NAMES = "reconcile.checks.names";

    private List<String> names;

    CheckNames(List<String> names) {
        this.names = List.copyOf(names);
        setName("reconcile.checks");
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(NAMES)) {
            names = Arrays.asList(context.getString(NAMES).split(","));
        }
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putString(NAMES, String.join(",", names));
    }

    @Override
    protected String doRead() {
        int next = getCurrentItemCount() - 1; // the count is raised before doRead
        return next < names.size() ? names.get(next) : null;
    }

    /** Nothing to skip over: the next name follows from the restored count alone. */
    @Override
    protected void jumpToItem(int itemIndex) {
    }

    @Override
    protected void doOpen() {
    }

    @Override
    protected void doClose() {
    }
}
