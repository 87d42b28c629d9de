package com.mallbatch.jobs.imports;

import com.mallbatch.jobs.launch.JobLaunchService;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;
import java.util.List;

/**
 * One of finance's workbooks imported by its job, launched like any run (so it is in {@code job_launches} with who
 * launched it): the admin web's uploads take this path, the command line launches the same jobs by name. All or
 * nothing: a file with any problem stores nothing and the outcome lists every problem.
 */
public final class WorkbookImports {

    /** What a workbook holds, and the job that imports it. */
    public enum Kind {
        EXTRA_COSTS("importExtraCostsJob"),
        MASTER_INVENTORY("importMasterInventoryJob"),
        COMMISSION_RULES("importCommissionRulesJob"),
        SHIPPING_FEE_RULES("importShippingFeeRulesJob");

        private final String jobName;

        Kind(String jobName) {
            this.jobName = jobName;
        }

        public String jobName() {
            return jobName;
        }

        /** Master inventory belongs to one tenant; the other workbooks name their accounts or platforms. */
        public boolean needsTenant() {
            return this == MASTER_INVENTORY;
        }
    }

    /** How an import ended: rows stored, or the problems (then nothing was stored). */
    public record Outcome(long executionId, long rowsImported, List<String> problems) {

        public boolean imported() {
            return problems.isEmpty();
        }
    }

    private final JobLaunchService launches;

    public WorkbookImports(JobLaunchService launches) {
        this.launches = launches;
    }

    /**
     * @param file   a file no earlier import used (its path names the job instance)
     * @param tenant the tenant's key, for {@link Kind#MASTER_INVENTORY}; ignored otherwise
     * @throws com.mallbatch.jobs.launch.LaunchRefusedException when the job cannot start (e.g. no tenant given)
     */
    public Outcome importFile(Kind kind, Path file, String tenant, String launchedBy) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("file", file.toString());
        if (kind.needsTenant() && tenant != null && !tenant.isBlank()) {
            parameters.addString("tenant", tenant.strip());
        }
        JobExecution execution = launches.launch(kind.jobName(), parameters.toJobParameters(), launchedBy);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            long rows = execution.getStepExecutions().stream().mapToLong(step -> step.getWriteCount()).sum();
            return new Outcome(execution.getId(), rows, List.of());
        }
        return new Outcome(execution.getId(), 0, problems(execution));
    }

    private static List<String> problems(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof WorkbookProblems problems) {
                    return problems.problems();
                }
            }
        }
        String description = execution.getExitStatus().getExitDescription();
        return List.of(description == null || description.isBlank() ? execution.getStatus().toString()
                : description.lines().findFirst().orElse(description));
    }
}
