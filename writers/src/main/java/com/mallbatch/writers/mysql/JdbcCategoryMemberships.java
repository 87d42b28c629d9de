package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/**
 * What a completed reading of an account's category memberships settles: memberships it no longer saw are gone (the
 * product left the category), and each product's {@code category_nos} lists its categories again.
 */
public final class JdbcCategoryMemberships {

    private final JdbcTemplate jdbc;

    public JdbcCategoryMemberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void completed(long accountId, LocalDate businessDate) {
        jdbc.update("DELETE FROM product_categories WHERE account_id = ? AND seen_on < ?", accountId, businessDate);
        jdbc.update("UPDATE products p SET category_nos = COALESCE((SELECT GROUP_CONCAT(c.category_no ORDER BY "
                + "c.category_no SEPARATOR ',') FROM product_categories c WHERE c.account_id = p.account_id "
                + "AND c.product_no = p.product_no), '') WHERE p.account_id = ?", accountId);
    }
}
