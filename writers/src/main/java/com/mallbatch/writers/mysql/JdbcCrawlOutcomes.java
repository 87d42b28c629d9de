package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a crawl step leaves behind: its page success rate. */
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
}
