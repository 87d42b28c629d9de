package com.mallbatch.jobs;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The jobs with Boot's auto-configuration and nothing else: what the tests start. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MallbatchJobs.class)
public class TestJobsApplication {
}
