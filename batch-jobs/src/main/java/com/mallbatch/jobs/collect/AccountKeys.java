package com.mallbatch.jobs.collect;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.List;

/**
 * Puts the partition's account into a stage step's ExecutionContext where it is missing. A stage's context is stored
 * empty when its step execution is created and first stored with the first chunk's commit, so a process killed in a
 * stage's first chunk leaves a stored context without the account, and the restart starts from that one. The
 * partition's own context is stored when the partition is made, so it always has the account.
 */
final class AccountKeys implements StepExecutionListener {

    /** For a step that is the partition itself. */
    static final AccountKeys NONE = new AccountKeys(new ExecutionContext());

    private static final List<String> KEYS = List.of(AccountPartitioner.ACCOUNT_ID, AccountPartitioner.ACCOUNT);

    private final ExecutionContext partition;

    AccountKeys(ExecutionContext partition) {
        this.partition = partition;
    }

    @Override
    public void beforeStep(StepExecution stage) {
        ExecutionContext context = stage.getExecutionContext();
        for (String key : KEYS) {
            if (!context.containsKey(key) && partition.containsKey(key)) {
                context.put(key, partition.get(key));
            }
        }
    }
}
