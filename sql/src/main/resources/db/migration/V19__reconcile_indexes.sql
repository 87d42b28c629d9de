-- What reconciliation reads per account and date: an account's stock of a date, its orders of a day, its completed
-- stages, and each check's newest results (the gauges read them by check).
ALTER TABLE stock_levels ADD KEY ix_stock_levels_account_date (account_id, business_date);
ALTER TABLE orders ADD KEY ix_orders_account_ordered_at (account_id, ordered_at);
ALTER TABLE collect_stats ADD KEY ix_collect_stats_account (account_id, entity, business_date);
ALTER TABLE reconcile_results ADD KEY ix_reconcile_results_check (check_name, account_id, business_date, subject, id);
ALTER TABLE order_lines ADD KEY ix_order_lines_sku_status (seller_sku, status);
