package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code job_launches}: who launched which job with which parameters, and the execution or the refusal it led to. */
public final class JdbcLaunchAudit {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcLaunchAudit(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    public void record(String launchedBy, String jobName, String parameters, Long jobExecutionId, String outcome) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO job_launches (launched_by, job_name, "
                        + "parameters, job_execution_id, outcome) VALUES (?, ?, ?, ?, ?)", Text.cut(launchedBy, 100), jobName,
                Text.cut(parameters, 2000), jobExecutionId, Text.cut(outcome, 500)));
    }
}
