package com.mallbatch.jobs.launch;

import com.mallbatch.jobs.support.BusinessDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.converter.DefaultJobParametersConverter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;

/**
 * {@code --spring.batch.job.name=collectJob businessDate=2026-11-20}: runs one job through the launch service, as
 * Spring Boot's convention has it (parameters as {@code name=value}), and exits with one of {@link ExitCodes}: 0 when
 * it COMPLETED, 1 when it ended otherwise (what failed on one line each), 2 when it was refused (unknown job, bad
 * parameters, already completed, running elsewhere). A daily job
 * without a {@code businessDate} collects yesterday (Asia/Seoul); no other job is given one it did not ask for.
 */
@Component
@ConditionalOnProperty("spring.batch.job.name")
public class CommandLineJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandLineJobRunner.class);

    private final JobLaunchService launcher;
    private final String jobName;
    private final Clock clock;
    private int exitCode = ExitCodes.FAILED;

    public CommandLineJobRunner(JobLaunchService launcher, @Value("${spring.batch.job.name}") String jobName, Clock clock) {
        this.launcher = launcher;
        this.jobName = jobName;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Properties given = StringUtils.splitArrayElementsIntoProperties(args.getNonOptionArgs().toArray(String[]::new), "=");
        JobParameters parameters;
        try {
            parameters = new DefaultJobParametersConverter().getJobParameters(given == null ? new Properties() : given);
        } catch (RuntimeException e) { // Batch reads "value,type,identifying": a comma in a value names a type
            log.error("{}: the parameters {} cannot be read ({}); write them as name=value, with no comma in a value",
                    jobName, args.getNonOptionArgs(), FailureReport.message(e));
            exitCode = ExitCodes.REFUSED;
            return;
        }
        if (BusinessDate.DAILY_JOBS.contains(jobName) && parameters.getString(BusinessDate.PARAMETER) == null) {
            parameters = new JobParametersBuilder(parameters)
                    .addString(BusinessDate.PARAMETER, LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1).toString())
                    .toJobParameters();
        }
        JobExecution execution;
        try {
            execution = launcher.launch(jobName, parameters, "cli");
        } catch (LaunchRefusedException e) {
            log.error("{}", e.getMessage());
            log.debug("Refused launch", e);
            exitCode = ExitCodes.REFUSED;
            return;
        }
        String run = jobName + " " + JobLaunchService.describe(parameters);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            exitCode = ExitCodes.OK;
            log.info("{} COMPLETED", run);
            return;
        }
        exitCode = ExitCodes.FAILED;
        for (String line : FailureReport.lines(execution)) {
            log.error("{} ended {}: {}", run, execution.getStatus(), line);
        }
        execution.getAllFailureExceptions().forEach(e -> log.debug("{} failed", run, e));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
