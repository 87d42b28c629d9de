package com.mallbatch.writers.mysql;

import com.mallbatch.domain.port.FetchFailureLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code fetch_failures}, written in a transaction of its own: a failed chunk must not roll its failures back. */
public final class JdbcFetchFailures implements FetchFailureLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcFetchFailures(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    @Override
    public void record(Failure f) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO fetch_failures (account_id, url, "
                        + "http_status, error, attempt, step_execution_id) VALUES (?, ?, ?, ?, ?, ?)", f.accountId(),
                Text.cut(f.url(), 1000), f.httpStatus(), Text.cut(f.error(), 2000), f.attempt(), f.stepExecutionId()));
    }
}
