package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/**
 * The state of an account's stock for a business date: complete once the account's collect of that date finished
 * (rows written before are partial), and, where it could not be confirmed, the last good values kept and marked stale.
 */
public final class JdbcStockLevels {

    private final JdbcTemplate jdbc;

    public JdbcStockLevels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's stock of {@code businessDate} was read to the end: its rows are the whole catalogue. */
    public void completed(long accountId, LocalDate businessDate) {
        jdbc.update("UPDATE stock_levels SET partial = FALSE WHERE account_id = ? AND business_date = ? AND partial",
                accountId, businessDate);
    }

    /**
     * The collect of {@code businessDate} could not confirm the account's stock: its last good values stay as they
     * are, marked stale, wherever no fresh row for that date replaced them. Returns how many rows it marked.
     */
    public int markStale(long accountId, LocalDate businessDate) {
        LocalDate lastGood = jdbc.queryForObject("SELECT MAX(business_date) FROM stock_levels WHERE account_id = ? "
                + "AND business_date < ?", LocalDate.class, accountId, businessDate);
        if (lastGood == null) {
            return 0;
        }
        return jdbc.update("UPDATE stock_levels old LEFT JOIN stock_levels fresh ON fresh.account_id = old.account_id "
                + "AND fresh.variant_code = old.variant_code AND fresh.business_date = ? "
                + "SET old.stale = TRUE WHERE old.account_id = ? AND old.business_date = ? AND fresh.variant_code IS NULL",
                businessDate, accountId, lastGood);
    }
}
