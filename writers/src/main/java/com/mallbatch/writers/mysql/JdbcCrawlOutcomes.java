package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/** What a crawl step leaves behind: its page success rate, and the parse rate of each field it read. */
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

    /** One field's counts in a crawl step: rows seen, and rows where the field was present and parsed. */
    public record FieldParses(String entity, String field, long rowsSeen, long rowsParsed) {
    }

    /** One row per field into {@code crawl_field_parse_rates}; recording the same step execution again replaces them. */
    public void recordFieldParses(long stepExecutionId, long jobExecutionId, long accountId, String site,
                                  LocalDate businessDate, List<FieldParses> fields) {
        if (fields.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO crawl_field_parse_rates (step_execution_id, job_execution_id, account_id, site, "
                        + "business_date, entity, field, rows_seen, rows_parsed, parse_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE rows_seen = VALUES(rows_seen), rows_parsed = VALUES(rows_parsed), "
                        + "parse_rate = VALUES(parse_rate)",
                fields.stream().map(f -> new Object[]{stepExecutionId, jobExecutionId, accountId, site, businessDate,
                        f.entity(), f.field(), f.rowsSeen(), f.rowsParsed(),
                        f.rowsSeen() == 0 ? null : (double) f.rowsParsed() / f.rowsSeen()}).toList());
    }
}
