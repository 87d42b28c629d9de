package com.mallbatch.jobs.collect;

import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDate;

/** Runs what an account's step settles once it has read everything for the business date, and only then. */
final class AccountStepCompletion implements StepExecutionListener {

    /** What a completed account step settles, e.g. "its stock of the date is whole". */
    @FunctionalInterface
    interface Action {
        void completed(long accountId, LocalDate businessDate);
    }

    private final Action action;

    AccountStepCompletion(Action action) {
        this.action = action;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED && step.getExecutionContext().containsKey(AccountPartitioner.ACCOUNT_ID)) {
            action.completed(step.getExecutionContext().getLong(AccountPartitioner.ACCOUNT_ID),
                    BusinessDate.parse(step.getJobParameters().getString(BusinessDate.PARAMETER)));
        }
        return step.getExitStatus();
    }
}
