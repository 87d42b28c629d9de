package com.mallbatch.jobs.launch;

import com.mallbatch.writers.mysql.JdbcLaunchAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.DigestUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a job run starts — from the command line, the scheduler or the admin web. It takes a database named
 * lock for the schema, the job and its identifying parameters ({@code GET_LOCK}; the server frees it the moment its
 * holder's connection dies, SIGKILL included), so whoever holds it knows that an execution of that instance still
 * marked STARTED belongs to a dead process: that one is recovered (marked FAILED) and the instance restarts from its
 * last commit. A second live launch of the same instance is refused instead of racing the first; two schemas on one
 * server never block each other. Who launched each run is written to the append-only {@code job_launches} (by
 * {@link LaunchAuditListener}, with the execution's id) and so is every refusal.
 */
public final class JobLaunchService {

    /** The non-identifying job parameter that says who launched a run: cli, schedule, or a user name. */
    public static final String LAUNCHED_BY = "launchedBy";
    private static final Logger log = LoggerFactory.getLogger(JobLaunchService.class);

    private final Map<String, Job> jobs;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final JdbcLaunchAudit audit;
    private final RecoveryGuard recoveryGuard;

    public JobLaunchService(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
                            JdbcLaunchAudit audit) {
        this(jobs, jobOperator, jobRepository, dataSource, audit, RecoveryGuard.NONE);
    }

    /** @param recoveryGuard waits, before a dead execution is recovered, for its parts still running elsewhere */
    public JobLaunchService(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
                            JdbcLaunchAudit audit, RecoveryGuard recoveryGuard) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a, TreeMap::new));
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.audit = audit;
        this.recoveryGuard = recoveryGuard;
    }

    /** The jobs that can be launched, by name. */
    public List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    /**
     * What the job's own validator says against these parameters, checked without starting or recording anything.
     *
     * @return empty when the job would accept them; the reason otherwise (an unknown job included)
     */
    public Optional<String> parameterProblem(String jobName, JobParameters parameters) {
        Job job = jobs.get(jobName);
        if (job == null) {
            return Optional.of("Unknown job '" + jobName + "'; the jobs are " + jobNames());
        }
        try {
            job.getJobParametersValidator().validate(parameters);
            return Optional.empty();
        } catch (InvalidJobParametersException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether the instance these identifying parameters name has completed: launching it again would be refused. */
    public boolean completed(String jobName, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(jobName, parameters);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /**
     * Starts the job, or restarts its instance after a failure, and returns when the run has ended.
     *
     * @throws LaunchRefusedException when the job is unknown, the same instance is running elsewhere, or it already
     *                                completed
     */
    public JobExecution launch(String jobName, JobParameters parameters, String launchedBy) {
        Job job = jobs.get(jobName);
        if (job == null) { // refused before the database is touched: nothing to audit, no instance
            throw new LaunchRefusedException("Unknown job '" + jobName + "'; the jobs are " + jobNames());
        }
        try { // Batch would create the job instance before validating; a bad parameter must leave nothing behind
            job.getJobParametersValidator().validate(parameters);
        } catch (InvalidJobParametersException e) {
            throw refused(launchedBy, jobName, parameters, jobName + ": " + e.getMessage());
        }
        JobParameters withLauncher = new JobParametersBuilder(parameters).addString(LAUNCHED_BY, launchedBy, false)
                .toJobParameters();
        try (Connection lock = dataSource.getConnection()) {
            String lockName = lockName(lock, jobName, parameters);
            if (!acquire(lock, lockName)) {
                throw refused(launchedBy, jobName, parameters, jobName + " " + describe(parameters)
                        + " is being run by another process right now; not starting a second one");
            }
            try {
                recoverDeadExecution(jobName, parameters);
                return jobOperator.start(job, withLauncher);
            } catch (JobInstanceAlreadyCompleteException e) {
                throw refused(launchedBy, jobName, parameters, jobName + " " + describe(parameters) + " already "
                        + "completed; nothing to do (to run it again on purpose, add another identifying parameter, "
                        + "e.g. run.id=2)");
            } finally {
                release(lock, lockName);
            }
        } catch (LaunchRefusedException e) {
            throw e;
        } catch (SQLException e) {
            throw new LaunchRefusedException("Could not take the run lock of " + jobName + " in the database: "
                    + e.getMessage(), e);
        } catch (Exception e) {
            throw refused(launchedBy, jobName, parameters, jobName + " " + describe(parameters) + " could not start: " + e.getMessage(), e);
        }
    }

    private void recoverDeadExecution(String jobName, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(jobName, parameters);
        if (last != null && last.isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that died; recovering it so it can restart",
                    last.getId(), jobName, last.getStatus());
            recoveryGuard.awaitLiveWork(last);
            jobOperator.recover(jobRepository.getJobExecution(last.getId()));
        } else if (last != null && last.getStatus().isUnsuccessful()) {
            // an execution that ended (a manager that stopped waiting) may have left parts running elsewhere; Batch
            // refuses to restart beside them ("A job execution for this job is already running")
            recoveryGuard.awaitLiveWork(last);
            JobExecution ended = jobRepository.getJobExecution(last.getId());
            if (ended.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
                log.warn("Execution {} of {} ended {} with steps still marked running by processes that are gone; "
                        + "marking them FAILED so it can restart", last.getId(), jobName, last.getStatus());
                jobOperator.recover(ended);
            }
        }
    }

    private LaunchRefusedException refused(String launchedBy, String jobName, JobParameters parameters, String why) {
        return refused(launchedBy, jobName, parameters, why, null);
    }

    private LaunchRefusedException refused(String launchedBy, String jobName, JobParameters parameters, String why,
                                           Throwable cause) {
        try {
            audit.record(launchedBy, jobName, describe(parameters), null, "refused: " + why);
        } catch (RuntimeException e) {
            log.debug("Could not record the refused launch", e);
        }
        return cause == null ? new LaunchRefusedException(why) : new LaunchRefusedException(why, cause);
    }

    /** The identifying parameters, sorted: what names the job instance. */
    public static String describe(JobParameters parameters) {
        return parameters.getIdentifyingParameters().stream().map(p -> p.name() + "=" + p.value()).sorted()
                .collect(Collectors.joining(" "));
    }

    /** GET_LOCK names are server-wide and at most 64 characters: the job name and a digest of schema and parameters. */
    private static String lockName(Connection connection, String jobName, JobParameters parameters) throws SQLException {
        String schema = connection.getCatalog();
        String digest = DigestUtils.md5DigestAsHex((schema + "|" + describe(parameters)).getBytes(StandardCharsets.UTF_8));
        String name = "mallbatch:" + jobName + ":" + digest;
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    private static boolean acquire(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, lock);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void release(Connection connection, String lock) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, lock);
            statement.execute();
        } catch (SQLException e) {
            log.debug("Could not release {}; closing the connection frees it", lock, e);
        }
    }
}
