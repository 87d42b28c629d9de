package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.writers.mysql.JdbcStockLevels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.time.LocalDate;

/**
 * A collect that did not complete has not confirmed every account's stock for its date. Nothing empty or zero is
 * written in its place: each account's last good values stay, marked stale, wherever no fresh value arrived. A
 * completed restart writes fresh rows for the date.
 */
final class StaleStockMarker implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StaleStockMarker.class);

    private final MallAccounts accounts;
    private final JdbcStockLevels stock;

    StaleStockMarker(MallAccounts accounts, JdbcStockLevels stock) {
        this.accounts = accounts;
        this.stock = stock;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        LocalDate date = BusinessDate.parse(execution.getJobParameters().getString(BusinessDate.PARAMETER));
        for (MallAccount account : accounts.enabled()) {
            int marked = stock.markStale(account.id(), date);
            if (marked > 0) {
                log.warn("{}: stock for {} not confirmed; kept {} last good value(s), marked stale", account.label(), date, marked);
            }
        }
    }
}
