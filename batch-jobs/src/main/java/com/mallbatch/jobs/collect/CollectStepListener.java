package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.time.LocalDateTime;

/**
 * Records what each account's step skipped (with the record, its source and the reason) and what it read and wrote
 * for the whole account-day ({@link AccountDayCounts}). Shared by concurrent partitions: the step execution is taken
 * from the calling thread's step context.
 */
final class CollectStepListener implements StepExecutionListener, SkipListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(CollectStepListener.class);

    private final String entity;
    private final JdbcSkipLog skipLog;
    private final JdbcCollectStats stats;

    CollectStepListener(String entity, JdbcSkipLog skipLog, JdbcCollectStats stats) {
        this.entity = entity;
        this.skipLog = skipLog;
        this.stats = stats;
    }

    @Override
    public void onSkipInRead(Throwable t) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        Long accountId = step.getExecutionContext().containsKey(AccountPartitioner.ACCOUNT_ID)
                ? step.getExecutionContext().getLong(AccountPartitioner.ACCOUNT_ID) : null;
        JdbcSkipLog.Entry entry = t instanceof MalformedRecordException m
                ? new JdbcSkipLog.Entry(step.getJobExecutionId(), step.getStepName(), accountId, m.entity(),
                m.recordKey(), m.source(), m.getMessage())
                : new JdbcSkipLog.Entry(step.getJobExecutionId(), step.getStepName(), accountId, entity, null, null,
                String.valueOf(t));
        log.warn("Skipped in {}: {}", step.getStepName(), entry.reason());
        skipLog.record(entry);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getExecutionContext().containsKey(AccountPartitioner.ACCOUNT_ID)) {
            ExecutionContext context = step.getExecutionContext();
            stats.record(new JdbcCollectStats.Stat(
                    BusinessDate.parse(step.getJobParameters().getString(BusinessDate.PARAMETER)),
                    context.getLong(AccountPartitioner.ACCOUNT_ID), entity, step.getJobExecutionId(),
                    AccountDayCounts.read(context), AccountDayCounts.written(context), AccountDayCounts.skipped(context),
                    step.getStatus().name(), step.getStartTime(), LocalDateTime.now()));
        }
        return step.getExitStatus();
    }
}
