package com.mallbatch.jobs.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.converter.DefaultJobParametersConverter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Makes "run the same parameters again" work after the JVM running a job was killed. A process about to run a job
 * instance first takes a database named lock for it ({@code GET_LOCK}); the server frees such a lock the moment its
 * holder's connection dies, SIGKILL included. So whoever holds the lock knows that an execution of this instance
 * still marked STARTED belongs to a dead process: it is recovered (marked FAILED) and Spring Batch restarts it from
 * its last commit. A second live process is refused instead of racing the first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty("spring.batch.job.name")
public class JobRunGuard implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunGuard.class);

    private final DataSource dataSource;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final String jobName;
    private Connection lockConnection;
    private String lock;

    public JobRunGuard(DataSource dataSource, JobRepository jobRepository, JobOperator jobOperator,
                       @Value("${spring.batch.job.name}") String jobName) {
        this.dataSource = dataSource;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jobName = jobName;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        // The same conversion Spring Boot's job launcher applies to the command line.
        JobParameters parameters = new DefaultJobParametersConverter().getJobParameters(
                StringUtils.splitArrayElementsIntoProperties(args.getNonOptionArgs().toArray(String[]::new), "="));
        lock = lockName(parameters);
        lockConnection = dataSource.getConnection();
        try (PreparedStatement statement = lockConnection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, lock);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new IllegalStateException(jobName + " " + parameters
                            + " is being run by another process right now; not starting a second one");
                }
            }
        }
        JobExecution last = jobRepository.getLastJobExecution(jobName, parameters);
        if (last != null && last.isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that died; recovering it so it can restart",
                    last.getId(), jobName, last.getStatus());
            jobOperator.recover(last);
        }
    }

    /** GET_LOCK names are at most 64 characters: the job name and a digest of the identifying parameters. */
    private String lockName(JobParameters parameters) {
        String identifying = parameters.getIdentifyingParameters().stream()
                .map(p -> p.name() + "=" + p.value()).sorted().collect(Collectors.joining("&"));
        String digest = DigestUtils.md5DigestAsHex(identifying.getBytes(StandardCharsets.UTF_8));
        String name = "mallbatch:" + jobName + ":" + digest;
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    @Override
    public void destroy() throws SQLException {
        if (lockConnection != null) {
            try (PreparedStatement statement = lockConnection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                statement.setString(1, lock);
                statement.execute();
            } finally {
                lockConnection.close();
            }
        }
    }
}
