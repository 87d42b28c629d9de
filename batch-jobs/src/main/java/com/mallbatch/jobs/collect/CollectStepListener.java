package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Records what each account's stage skipped (with the record, its source and the reason), what it read, wrote and
 * skipped for the whole account-day ({@link AccountDayCounts}), and the rows it loaded, counted per platform and entity
 * ({@code mallbatch.collect.rows}). Shared by concurrent partitions: the step execution is taken from the calling
 * thread's step context.
 */
final class CollectStepListener implements StepExecutionListener, SkipListener<Object, Object> {

    /** Where a stage's outcome goes. */
    record Sinks(JdbcSkipLog skipLog, JdbcCollectStats stats, MallAccounts accounts, MeterRegistry meters, String worker) {
    }

    private static final Logger log = LoggerFactory.getLogger(CollectStepListener.class);

    private final String entity;
    private final Sinks sinks;

    CollectStepListener(String entity, Sinks sinks) {
        this.entity = entity;
        this.sinks = sinks;
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
        sinks.skipLog().record(entry);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(AccountPartitioner.ACCOUNT_ID)) {
            long accountId = context.getLong(AccountPartitioner.ACCOUNT_ID);
            sinks.stats().record(new JdbcCollectStats.Stat(
                    BusinessDate.parse(step.getJobParameters().getString(BusinessDate.PARAMETER)), accountId, entity,
                    step.getJobExecutionId(), AccountDayCounts.read(context), AccountDayCounts.written(context),
                    AccountDayCounts.skipped(context), step.getStatus().name(), step.getStartTime(), LocalDateTime.now(),
                    sinks.worker()));
            sinks.meters().counter("mallbatch.collect.rows", "platform", sinks.accounts().byId(accountId).platform().name(),
                    "entity", entity).increment(step.getWriteCount());
        }
        return step.getExitStatus();
    }
}
