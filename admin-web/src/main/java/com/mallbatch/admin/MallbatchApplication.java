package com.mallbatch.admin;

import com.mallbatch.jobs.MallbatchJobs;
import com.mallbatch.jobs.launch.ExitCodes;
import com.mallbatch.scheduling.SchedulingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one deployable app. With {@code --spring.batch.job.name=collectJob [businessDate=2026-11-20]} it runs that job
 * through the launch service and exits 0 only when it COMPLETED (the same parameters after a failure restart the failed
 * run); with {@code --mallbatch.command=NAME …} it runs an operator's command and exits; with
 * {@code --mallbatch.collect.mode=worker} (or {@code MALLBATCH_COLLECT_MODE=worker}) it runs the collect partitions a manager sends over RabbitMQ until it is
 * stopped (no web, no scheduler); otherwise it serves the admin web and runs the scheduler.
 */
@SpringBootApplication
@Import({MallbatchJobs.class, SchedulingConfiguration.class})
public class MallbatchApplication {

    static final String JOB_NAME_ARG = "--spring.batch.job.name=";
    static final String COMMAND_ARG = "--mallbatch.command=";
    static final String WORKER_ARG = "--mallbatch.collect.mode=worker";

    /** What {@link #execute} returns while the app serves HTTP and runs the scheduler: no exit. */
    public static final int SERVING = -1;
    private static final Logger log = LoggerFactory.getLogger(MallbatchApplication.class);

    public static void main(String[] args) {
        int exitCode = execute(args);
        if (exitCode != SERVING) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs the app: a one-shot run's exit code ({@link ExitCodes}), or, when it cannot start, one line at ERROR saying
     * why and what to do and the matching exit code (the stack trace at DEBUG), or {@link #SERVING}.
     */
    public static int execute(String... args) {
        ConfigurableApplicationContext context;
        try {
            context = run(args);
        } catch (RuntimeException failure) {
            StartupFailure why = StartupFailure.of(failure, databaseUrl(args));
            if (why.expected()) {
                log.error(why.line());
                log.debug("Start-up failure", failure);
            } else {
                log.error(why.line(), failure);
            }
            return why.exitCode();
        }
        return isOneShot(args) ? SpringApplication.exit(context) : SERVING;
    }

    private static String databaseUrl(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--spring.datasource.url=")).reduce((a, b) -> b)
                .map(a -> a.substring("--spring.datasource.url=".length()))
                .orElse(System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "spring.datasource.url"));
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication app = new SpringApplication(MallbatchApplication.class);
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        // jobs run through the launch service (CommandLineJobRunner), never through Boot's own runner
        arguments.add("--spring.batch.job.enabled=false");
        if (isOneShot(args) || isWorker(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            arguments.add("--mallbatch.scheduling.enabled=false");
        }
        return app.run(arguments.toArray(String[]::new));
    }

    /** A collect worker: it serves the partition queue, and a manager (or the scheduler elsewhere) starts the jobs. */
    static boolean isWorker(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equalsIgnoreCase(WORKER_ARG))
                || "worker".equalsIgnoreCase(System.getProperty("mallbatch.collect.mode"))
                || "worker".equalsIgnoreCase(System.getenv("MALLBATCH_COLLECT_MODE"));
    }

    /** A job run or a command: do it and exit, no web, no scheduler. */
    static boolean isOneShot(String[] args) {
        return Arrays.stream(args).anyMatch(a -> (a.startsWith(JOB_NAME_ARG) && a.length() > JOB_NAME_ARG.length())
                || (a.startsWith(COMMAND_ARG) && a.length() > COMMAND_ARG.length()));
    }
}
