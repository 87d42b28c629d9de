package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/** What a crawl step leaves behind: its page success rate, and stale marks when it could not confirm stock. */
public final class JdbcCrawlOutcomes {

    private final JdbcTemplate jdbc;

    public JdbcCrawlOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void recordPages(long stepExecutionId, long jobExecutionId, long accountId, String site, String entity,
                            long pagesOk, long pagesFailed) {
        double rate = pagesOk + pagesFailed == 0 ? 1.0 : (double) pagesOk / (pagesOk + pagesFailed);
        jdbc.update("INSERT INTO crawl_stats (step_execution_id, job_execution_id, account_id, site, entity, pages_ok, "
                        + "pages_failed, success_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "pages_ok = VALUES(pages_ok), pages_failed = VALUES(pages_failed), success_rate = VALUES(success_rate)",
                stepExecutionId, jobExecutionId, accountId, site, entity, pagesOk, pagesFailed, rate);
    }

    /**
     * The collect of {@code businessDate} could not confirm the account's stock: its last good values stay as they
     * are, marked stale, wherever no fresh row for that date replaced them. Returns how many rows it marked.
     */
    public int markStockStale(long accountId, LocalDate businessDate) {
        LocalDate lastGood = jdbc.queryForObject("SELECT MAX(business_date) FROM stock_levels WHERE account_id = ? "
                + "AND business_date < ?", LocalDate.class, accountId, businessDate);
        if (lastGood == null) {
            return 0;
        }
        return jdbc.update("UPDATE stock_levels old LEFT JOIN stock_levels fresh ON fresh.account_id = old.account_id "
                + "AND fresh.variant_code = old.variant_code AND fresh.business_date = ? SET old.stale = TRUE "
                + "WHERE old.account_id = ? AND old.business_date = ? AND fresh.variant_code IS NULL",
                businessDate, accountId, lastGood);
    }
}
