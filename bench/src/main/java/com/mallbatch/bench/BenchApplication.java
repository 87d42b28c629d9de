package com.mallbatch.bench;

import com.mallbatch.jobs.MallbatchJobs;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The jobs and their adapters, as the application wires them, without the web and the scheduler. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MallbatchJobs.class)
class BenchApplication {
}
