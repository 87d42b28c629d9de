package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores rows imported from finance's workbooks; upserts, so importing the same file again changes nothing. */
public final class JdbcImports {

    private final JdbcTemplate jdbc;

    public JdbcImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account with this key, when exactly one platform has it. */
    public Optional<Long> accountId(String accountKey) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM mall_accounts WHERE account_key = ?", Long.class, accountKey);
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    public Optional<Long> tenantId(String tenantKey) {
        return jdbc.queryForList("SELECT id FROM tenants WHERE tenant_key = ?", Long.class, tenantKey).stream().findFirst();
    }

    /** Rows with accountId, period, costType, description, amount, source. */
    public void upsertExtraCosts(List<Map<String, Object>> rows) {
        jdbc.batchUpdate("INSERT INTO extra_costs (account_id, period, cost_type, description, amount, source) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE amount = VALUES(amount), source = VALUES(source)",
                rows.stream().map(r -> new Object[]{r.get("accountId"), r.get("period"), r.get("costType"),
                        r.get("description"), r.get("amount"), r.get("source")}).toList());
    }

    /** Rows with sellerSku, asOf, quantity, source. */
    public void upsertMasterInventory(long tenantId, List<Map<String, Object>> rows) {
        jdbc.batchUpdate("INSERT INTO master_inventory (tenant_id, seller_sku, as_of, quantity, source) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), source = VALUES(source)",
                rows.stream().map(r -> new Object[]{tenantId, r.get("sellerSku"), r.get("asOf"), r.get("quantity"),
                        r.get("source")}).toList());
    }

    /** Rows with platform, site, categoryNo (null: every category), rate, effectiveFrom. */
    public void upsertCommissionRules(List<Map<String, Object>> rows) {
        jdbc.batchUpdate("INSERT INTO commission_rules (platform, site, category_no, rate, effective_from) "
                        + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE rate = VALUES(rate)",
                rows.stream().map(r -> new Object[]{r.get("platform"), r.get("site"), r.get("categoryNo"), r.get("rate"),
                        r.get("effectiveFrom")}).toList());
    }

    /** Rows with platform, site, rate, effectiveFrom. */
    public void upsertShippingFeeRules(List<Map<String, Object>> rows) {
        jdbc.batchUpdate("INSERT INTO shipping_fee_rules (platform, site, rate, effective_from) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE rate = VALUES(rate)",
                rows.stream().map(r -> new Object[]{r.get("platform"), r.get("site"), r.get("rate"),
                        r.get("effectiveFrom")}).toList());
    }
}
