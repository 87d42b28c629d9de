package com.mallbatch.admin;

import com.mallbatch.jobs.MallbatchJobs;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.scheduling.SchedulingConfiguration;
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
 * and exits 0 only when it COMPLETED (the same parameters after a failure restart the failed run); without a job name
 * it serves the admin web and runs the scheduler.
 */
@SpringBootApplication
@Import({MallbatchJobs.class, SchedulingConfiguration.class})
public class MallbatchApplication {

    static final String JOB_NAME_ARG = "--spring.batch.job.name=";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = run(args);
        if (isJobRun(args)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication app = new SpringApplication(MallbatchApplication.class);
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (isJobRun(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            arguments.add("--mallbatch.scheduling.enabled=false");
            if (arguments.stream().noneMatch(a -> a.startsWith(BusinessDate.PARAMETER + "="))) {
                arguments.add(BusinessDate.PARAMETER + "=" + BusinessDate.yesterday());
            }
        } else {
            arguments.add("--spring.batch.job.enabled=false");
        }
        return app.run(arguments.toArray(String[]::new));
    }

    static boolean isJobRun(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(JOB_NAME_ARG) && a.length() > JOB_NAME_ARG.length());
    }
}
