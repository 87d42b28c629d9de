package com.mallbatch.admin.runs;

import com.mallbatch.jobs.launch.JobExecutions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as people read it, through Spring Batch's own repository: its steps and, for the partitioned jobs (collect,
 * reconcile), one row per account.
 */
@Service
public class RunDetails {

    /** The partition step of each per-account job: {@code collectAccount:acme/CAFE24/acmeshop}. */
    static final Map<String, String> ACCOUNT_STEPS = Map.of("collectJob", "collectAccount", "reconcileJob",
            "reconcileAccount");
    /** Where a failed account's collect keeps its failure in words (AccountFailureNote in batch-jobs). */
    static final String FAILURE_LINE = "failure.line";
    static final String FAILURE_STAGE = "failure.stage";

    public record Run(long executionId, long instanceId, String jobName, String parameters, BatchStatus status,
                      String exitCode, String exitDescription, LocalDateTime start, LocalDateTime end,
                      List<Step> steps, List<AccountRow> accounts, boolean perAccount, boolean restartable,
                      Long newerExecutionId) {

        public List<AccountRow> failedAccounts() {
            return accounts.stream().filter(a -> a.status() != BatchStatus.COMPLETED).toList();
        }
    }

    public record Step(long id, String name, BatchStatus status, long read, long written, long skipped,
                       Duration duration) {
    }

    /** One account of a per-account run; {@code stage} is the newest stage it reached. */
    public record AccountRow(long partitionId, String account, BatchStatus status, String stage, long read,
                             long written, long skipped, Duration duration, String firstError) {
    }

    /**
     * An account's failure in full: the stage and the error in words (the first cause, as the collect noted it in the
     * account's partition), then each of its steps in the run that did not complete, with the whole exit description.
     */
    public record AccountFailure(long executionId, String jobName, String account, BatchStatus status, String stage,
                                 String error, List<FailedStep> steps, List<Long> stepIds, List<String> stepNames) {
    }

    /**
     * @param exitDescription the whole text the step's process kept, else what Spring Batch stored
     * @param cut             whether only Spring Batch's cut text is at hand (a run from before the whole text was kept)
     */
    public record FailedStep(String name, BatchStatus status, String exitCode, String exitDescription, boolean cut) {
    }

    /** How many characters of a step's exit description Spring Batch keeps (its default and its column's size). */
    public static final int STORED_EXIT_DESCRIPTION = 2500;

    private final JobRepository jobRepository;
    private final AccountEvidence evidence;

    public RunDetails(JobRepository jobRepository, AccountEvidence evidence) {
        this.jobRepository = jobRepository;
        this.evidence = evidence;
    }

    public Optional<Run> run(long executionId) {
        JobExecution execution = JobExecutions.find(jobRepository, executionId).orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        String jobName = execution.getJobInstance().getJobName();
        String partitionStep = ACCOUNT_STEPS.get(jobName);
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).toList();
        List<AccountRow> accounts = partitionStep == null ? List.of() : steps.stream()
                .filter(s -> s.getStepName().startsWith(partitionStep + ":"))
                .map(p -> accountRow(p, partitionStep, steps)).toList();
        JobExecution newest = jobRepository.getLastJobExecution(execution.getJobInstance());
        Long newer = newest != null && newest.getId() != executionId ? newest.getId() : null;
        boolean restartable = newer == null && (execution.getStatus() == BatchStatus.FAILED
                || execution.getStatus() == BatchStatus.STOPPED);
        String parameters = execution.getJobParameters().getIdentifyingParameters().stream()
                .map(p -> p.name() + "=" + p.value()).sorted().reduce((a, b) -> a + " " + b).orElse("");
        return Optional.of(new Run(executionId, execution.getJobInstanceId(), jobName, parameters,
                execution.getStatus(), execution.getExitStatus().getExitCode(),
                execution.getExitStatus().getExitDescription(), execution.getStartTime(), execution.getEndTime(),
                steps.stream().filter(s -> partitionStep == null || !s.getStepName().contains(":"))
                        .map(RunDetails::step).toList(),
                accounts, partitionStep != null, restartable, newer));
    }

    public Optional<AccountFailure> accountFailure(long executionId, long partitionId) {
        JobExecution execution = JobExecutions.find(jobRepository, executionId).orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        String partitionStep = ACCOUNT_STEPS.get(execution.getJobInstance().getJobName());
        Optional<StepExecution> partition = execution.getStepExecutions().stream()
                .filter(s -> s.getId() == partitionId && partitionStep != null
                        && s.getStepName().startsWith(partitionStep + ":")).findFirst();
        return partition.map(p -> {
            String account = p.getStepName().substring(partitionStep.length() + 1);
            List<StepExecution> ofAccount = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().endsWith(":" + account))
                    .sorted(Comparator.comparing(StepExecution::getId).reversed()).toList();
            List<StepExecution> notCompleted = ofAccount.stream()
                    .filter(s -> s.getStatus() != BatchStatus.COMPLETED).toList();
            Map<Long, String> whole = evidence.wholeFailures(notCompleted.stream().map(StepExecution::getId).toList());
            List<FailedStep> failed = notCompleted.stream().map(s -> failedStep(s, whole.get(s.getId()))).toList();
            return new AccountFailure(executionId, execution.getJobInstance().getJobName(), account, p.getStatus(),
                    p.getExecutionContext().getString(FAILURE_STAGE, null),
                    p.getExecutionContext().getString(FAILURE_LINE, null), failed,
                    ofAccount.stream().map(StepExecution::getId).toList(),
                    ofAccount.stream().map(StepExecution::getStepName).toList());
        });
    }

    private static FailedStep failedStep(StepExecution step, String wholeText) {
        String stored = step.getExitStatus().getExitDescription();
        return new FailedStep(step.getStepName(), step.getStatus(), step.getExitStatus().getExitCode(),
                wholeText != null ? wholeText : stored, wholeText == null && stored.length() >= STORED_EXIT_DESCRIPTION);
    }

    private static AccountRow accountRow(StepExecution partition, String partitionStep, List<StepExecution> all) {
        String account = partition.getStepName().substring(partitionStep.length() + 1);
        List<StepExecution> stages = all.stream()
                .filter(s -> s.getStepName().endsWith(":" + account) && !s.getStepName().startsWith(partitionStep + ":"))
                .toList();
        List<StepExecution> counted = stages.isEmpty() ? List.of(partition) : stages;
        String stage = stages.stream().max(Comparator.comparing(StepExecution::getId))
                .map(s -> s.getStepName().substring(0, s.getStepName().indexOf(':'))).orElse(partitionStep);
        String firstError = null;
        if (partition.getStatus() != BatchStatus.COMPLETED) {
            firstError = partition.getExecutionContext().getString(FAILURE_LINE, null);
            if (firstError == null) {
                firstError = stages.stream().filter(s -> s.getStatus().isUnsuccessful())
                        .max(Comparator.comparing(StepExecution::getId))
                        .or(() -> Optional.of(partition))
                        .map(s -> s.getExitStatus().getExitDescription().lines().findFirst().orElse(""))
                        .filter(line -> !line.isBlank()).orElse(null);
            }
        }
        return new AccountRow(partition.getId(), account, partition.getStatus(), stage,
                counted.stream().mapToLong(StepExecution::getReadCount).sum(),
                counted.stream().mapToLong(StepExecution::getWriteCount).sum(),
                counted.stream().mapToLong(StepExecution::getSkipCount).sum(),
                duration(partition.getStartTime(), partition.getEndTime()), firstError);
    }

    private static Step step(StepExecution s) {
        return new Step(s.getId(), s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(),
                s.getSkipCount(), duration(s.getStartTime(), s.getEndTime()));
    }

    private static Duration duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    /** For the restart form: the accounts that will run again, by name, with the stage each reached. */
    public static Map<String, String> accountsToRerun(Run run) {
        Map<String, String> rerun = new LinkedHashMap<>();
        run.failedAccounts().forEach(a -> rerun.put(a.account(), a.stage()));
        return rerun;
    }
}
