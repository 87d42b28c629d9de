package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthService;
import com.mallbatch.jobs.scaleout.WorkerIdentity;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.ExtractorRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.flow.FlowStep;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDate;

/**
 * One account's whole collect, the worker of collectJob's partitions: its stages in order — categories, products,
 * category memberships, variants and stock, orders, and the platform's daily settlements where it reports them — as
 * a flow of steps named after the account ({@code collectProducts:acme/CAFE24/acmeshop}). Names of their own are what let Spring Batch restart each account's
 * flow at the stage it stopped in (a flow shared by all partitions would mix their step histories). Afterwards the
 * run's outcome moves the account's health. The same step runs on a worker process in manager/worker mode; the
 * partition's ExecutionContext says which process ran it ({@code worker}) and, when it failed, why in words.
 */
final class AccountCollect implements Step {

    private final JobRepository jobRepository;
    private final CollectStages stages;
    private final MallAccounts accounts;
    private final ExtractorRegistry extractors;
    private final AccountHealthService health;
    private final PlatformPermits permits;
    private final WorkerIdentity worker;
    private final ObservationRegistry observations;

    AccountCollect(JobRepository jobRepository, CollectStages stages, MallAccounts accounts, ExtractorRegistry extractors,
                   AccountHealthService health, PlatformPermits permits, WorkerIdentity worker,
                   ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.stages = stages;
        this.accounts = accounts;
        this.extractors = extractors;
        this.health = health;
        this.permits = permits;
        this.worker = worker;
        this.observations = observations;
    }

    /** The partition's ExecutionContext key naming the process that ran it. */
    static final String WORKER = "worker";

    @Override
    public String getName() {
        return CollectJobConfiguration.ACCOUNT_STEP;
    }

    @Override
    public void execute(StepExecution partition) throws JobInterruptedException {
        MallAccount account = accounts.byId(partition.getExecutionContext().getLong(AccountPartitioner.ACCOUNT_ID));
        String suffix = partition.getStepName().substring(getName().length() + 1);
        partition.getExecutionContext().putString(WORKER, worker.name());
        // FlowStep(Flow) in Batch 6.0.4 drops its argument: the flow is set explicitly
        FlowStep flow = new FlowStep(jobRepository);
        flow.setFlow(stages.flowOf(partition, suffix, extractors.forAccount(account).reportsDailySettlements()));
        flow.setName(partition.getStepName());
        flow.setObservationRegistry(observations);
        try {
            permits.run(account.platform(), () -> run(flow, partition));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobInterruptedException("Interrupted waiting for a " + account.platform() + " permit");
        }
        LocalDate businessDate = BusinessDate.parse(partition.getJobParameters().getString(BusinessDate.PARAMETER));
        if (partition.getStatus() == BatchStatus.COMPLETED) {
            health.succeeded(account, businessDate);
        } else if (partition.getStatus() == BatchStatus.FAILED) {
            AccountFailure failure = AccountFailure.of(partition.getJobExecution(), suffix, account.label())
                    .orElse(new AccountFailure(account.label(), getName(), AccountFailure.firstLine(partition)));
            health.failed(account, businessDate, failure.stage(), failure.firstLine());
            // in words, for the job's outcome, which may be read in another process (the manager)
            AccountFailureNote.write(partition.getExecutionContext(), failure.stage(), failure.firstLine());
            jobRepository.updateExecutionContext(partition);
        }
    }

    private static void run(FlowStep flow, StepExecution partition) {
        try {
            flow.execute(partition);
        } catch (JobInterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
