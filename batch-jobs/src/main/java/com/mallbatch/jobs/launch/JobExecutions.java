package com.mallbatch.jobs.launch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

import java.util.Optional;

/** Looking an execution up by id: Batch 6's JDBC repository throws for an id it does not have (older ones said null). */
public final class JobExecutions {

    private JobExecutions() {
    }

    public static Optional<JobExecution> find(JobRepository jobRepository, long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }
}
