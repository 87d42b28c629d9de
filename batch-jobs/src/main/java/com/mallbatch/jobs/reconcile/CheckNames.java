package com.mallbatch.jobs.reconcile;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.List;

/**
 * The checks an account runs, one item each. Batch's counting reader keeps how many were handed out in the step's
 * ExecutionContext, so a restart after a kill goes on with the first check whose result was not committed.
 */
final class CheckNames extends AbstractItemCountingItemStreamItemReader<String> {

    private final List<String> names;

    CheckNames(List<String> names) {
        this.names = List.copyOf(names);
        setName("reconcile.checks");
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
