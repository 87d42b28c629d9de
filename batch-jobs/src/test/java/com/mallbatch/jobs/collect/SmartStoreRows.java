package com.mallbatch.jobs.collect;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/** One SmartStore account's canonical tables as '|'-joined rows, in the shape {@link ExpectedSmartStoreRows} builds. */
public final class SmartStoreRows {

    private final DatabaseRows rows;

    public SmartStoreRows(JdbcTemplate jdbc, long accountId) {
        this.rows = new DatabaseRows(jdbc, accountId);
    }

    public List<String> categories() {
        return rows.categories();
    }

    public List<String> categoryMemberships() {
        return rows.categoryMemberships();
    }

    public List<String> products() {
        return query("SELECT account_id, product_no, product_code, seller_code, name, brand, price, retail_price, "
                + "displayed + 0, selling + 0, status, source FROM products WHERE account_id = ?");
    }

    public List<String> variants() {
        return rows.variants();
    }

    public List<String> stock(LocalDate businessDate) {
        return rows.stock(businessDate);
    }

    public List<String> orders() {
        return query("SELECT account_id, order_id, DATE_FORMAT(ordered_at, '%Y-%m-%d %H:%i:%s'), "
                + "DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:%s'), paid, canceled, order_amount, shipping_fee, payment_amount "
                + "FROM orders WHERE account_id = ?");
    }

    public List<String> orderLines() {
        return query("SELECT account_id, order_id, line_id, product_no, variant_code, seller_sku, product_name, "
                + "option_text, quantity, unit_price, option_price, seller_discount, payment_amount, platform_status, "
                + "status, platform_commission FROM order_lines WHERE account_id = ?");
    }

    public List<String> dailySettlements() {
        return query("SELECT account_id, settle_basis_date, merchant_id, settle_expect_date, settle_complete_date, "
                + "settle_amount, pay_settle_amount, commission_amount, benefit_amount FROM mall_daily_settlements "
                + "WHERE account_id = ?");
    }

    private List<String> query(String sql) {
        return rows.rows(sql);
    }
}
