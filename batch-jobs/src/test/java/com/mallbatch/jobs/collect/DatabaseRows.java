package com.mallbatch.jobs.collect;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/** The canonical tables of one account as '|'-joined rows (∅ for NULL), in the order {@link ExpectedRows} uses. */
public final class DatabaseRows {

    private final JdbcTemplate jdbc;
    private final long accountId;

    public DatabaseRows(JdbcTemplate jdbc, long accountId) {
        this.jdbc = jdbc;
        this.accountId = accountId;
    }

    public List<String> categories() {
        return rows("SELECT account_id, category_no, name, parent_category_no, depth FROM categories WHERE account_id = ?");
    }

    public List<String> categoryMemberships() {
        return rows("SELECT account_id, category_no, product_no FROM product_categories WHERE account_id = ?");
    }

    public List<String> products() {
        return rows("SELECT account_id, product_no, product_code, seller_code, name, brand, price, retail_price, "
                + "displayed + 0, selling + 0, status, category_nos, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), "
                + "DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s'), source FROM products WHERE account_id = ?");
    }

    public List<String> variants() {
        return rows("SELECT account_id, variant_code, product_no, seller_sku, option_text, additional_amount, "
                + "displayed + 0, selling + 0, source FROM variants WHERE account_id = ?");
    }

    /** Stock of a date as a complete collect leaves it (partial rows excluded, as a "stock on that date" query does). */
    public List<String> stock(LocalDate businessDate) {
        return rows("SELECT account_id, variant_code, business_date, quantity, stock_text, safety_quantity, "
                + "inventory_tracked + 0, source FROM stock_levels WHERE account_id = ? AND NOT partial "
                + "AND business_date = '" + businessDate + "'");
    }

    public List<String> orders() {
        return rows("SELECT account_id, order_id, DATE_FORMAT(ordered_at, '%Y-%m-%d %H:%i:%s'), "
                + "DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:%s'), paid, canceled, buyer_id, order_amount, "
                + "shipping_fee, coupon_discount, payment_amount FROM orders WHERE account_id = ?");
    }

    public List<String> orderLines() {
        return rows("SELECT account_id, order_id, line_id, product_no, variant_code, seller_sku, product_name, "
                + "option_text, quantity, list_price, unit_price, option_price, seller_discount, coupon_discount, "
                + "payment_amount, platform_status, status FROM order_lines WHERE account_id = ?");
    }

    List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> {
            Object[] values = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return ExpectedRows.row(values);
        }, accountId).stream().sorted().toList();
    }
}
