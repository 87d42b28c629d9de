package com.mallbatch.writers.mysql;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.port.DailyTotalsLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code mall_daily_totals}, written in a transaction of its own: totals are read while a chunk is being read, and a
 * chunk that rolls back must not take them with it (they are not read again when the chunk is retried).
 */
public final class JdbcDailyTotals implements DailyTotalsLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcDailyTotals(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    @Override
    public void record(DailyTotals t) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO mall_daily_totals (account_id, "
                        + "business_date, source, order_count, amount) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "order_count = VALUES(order_count), amount = VALUES(amount), collected_at = CURRENT_TIMESTAMP(3)",
                t.accountId(), t.day(), t.source(), t.orderCount(), t.amount() == null ? null : t.amount().amount()));
    }
}
