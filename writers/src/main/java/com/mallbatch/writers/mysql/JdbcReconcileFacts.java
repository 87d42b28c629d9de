package com.mallbatch.writers.mysql;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.CollectedVariant;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.Freshness;
import com.mallbatch.domain.reconcile.StockPosition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Reconciliation's reads of the collected data. Stock confirmations and stage ends are stamped by the collect as its
 * JVM's wall-clock time, so ages are taken in that zone against the instant asked for.
 */
public final class JdbcReconcileFacts implements ReconcileFacts {

    /**
     * Canonical line statuses of units sold but not shipped: still on the shelf, no longer for sale (a cancel that is
     * only requested is not a cancel yet).
     */
    static final String UNSHIPPED = "'PREPARING', 'CANCEL_REQUESTED'";

    private final JdbcTemplate jdbc;

    public JdbcReconcileFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Freshness freshness(long accountId, LocalDate businessDate, Instant asOf) {
        LocalDateTime confirmed = jdbc.queryForObject("SELECT MAX(confirmed_at) FROM stock_levels WHERE account_id = ? "
                + "AND business_date <= ? AND NOT partial", LocalDateTime.class, accountId, businessDate);
        long stale = jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE account_id = ? AND stale AND "
                + "business_date = (SELECT MAX(business_date) FROM stock_levels WHERE account_id = ? AND business_date <= ?)",
                Long.class, accountId, accountId, businessDate);
        long ofDate = jdbc.queryForObject("SELECT COUNT(*) FROM stock_levels WHERE account_id = ? AND business_date = ? "
                + "AND NOT partial", Long.class, accountId, businessDate);
        LocalDateTime ordersEnded = jdbc.queryForObject("SELECT MAX(ended_at) FROM collect_stats WHERE account_id = ? "
                + "AND entity = 'order' AND status = 'COMPLETED' AND business_date <= ?", LocalDateTime.class,
                accountId, businessDate);
        boolean ordersOfDate = jdbc.queryForObject("SELECT COUNT(*) FROM collect_stats WHERE account_id = ? AND "
                + "entity = 'order' AND status = 'COMPLETED' AND business_date = ?", Long.class, accountId, businessDate) > 0;
        return new Freshness(hoursBefore(confirmed, asOf), stale, ofDate, hoursBefore(ordersEnded, asOf), ordersOfDate);
    }

    /** Hours from a stamp the application wrote (its JVM's wall clock, as collect stamps them) to {@code asOf}. */
    private static Double hoursBefore(LocalDateTime stamped, Instant asOf) {
        return stamped == null ? null
                : Duration.between(stamped.atZone(ZoneId.systemDefault()).toInstant(), asOf).toSeconds() / 3600.0;
    }

    @Override
    public boolean hasMasterInventory(String tenantKey, LocalDate businessDate) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM master_inventory m JOIN tenants t ON t.id = m.tenant_id "
                + "WHERE t.tenant_key = ? AND m.as_of <= ?", Long.class, tenantKey, businessDate) > 0;
    }

    @Override
    public List<StockPosition> stockPositions(long accountId, String tenantKey, LocalDate businessDate) {
        return jdbc.query("SELECT s.variant_code, v.product_no, v.seller_sku, s.quantity, s.inventory_tracked, v.selling, "
                        + "m.quantity AS master_quantity, COALESCE(u.units, 0) AS unshipped "
                        + "FROM stock_levels s JOIN variants v ON v.account_id = s.account_id AND v.variant_code = s.variant_code "
                        + "LEFT JOIN (" + newestMaster() + ") m ON m.seller_sku = v.seller_sku "
                        + "LEFT JOIN (" + unshippedUnits() + ") u ON u.seller_sku = v.seller_sku "
                        + "WHERE s.account_id = ? AND s.business_date = ? AND NOT s.partial AND NOT s.stale "
                        + "ORDER BY s.variant_code",
                (rs, i) -> new StockPosition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6), (Integer) rs.getObject(7, Integer.class), rs.getLong(8)),
                tenantKey, businessDate, tenantKey, accountId, businessDate);
    }

    @Override
    public List<String> masterSkusListedNowhere(String tenantKey, LocalDate businessDate) {
        return jdbc.queryForList("SELECT m.seller_sku FROM (" + newestMaster() + ") m WHERE NOT EXISTS ("
                + "SELECT 1 FROM variants v JOIN mall_accounts a ON a.id = v.account_id JOIN tenants t ON t.id = a.tenant_id "
                + "WHERE t.tenant_key = ? AND a.enabled AND v.seller_sku = m.seller_sku) ORDER BY m.seller_sku",
                String.class, tenantKey, businessDate, tenantKey);
    }

    /** Each SKU's quantity in the tenant's newest master inventory dated up to the date; parameters: tenant, date. */
    private static String newestMaster() {
        return "SELECT mi.seller_sku, mi.quantity FROM master_inventory mi JOIN tenants t ON t.id = mi.tenant_id "
                + "WHERE t.tenant_key = ? AND mi.as_of = (SELECT MAX(x.as_of) FROM master_inventory x "
                + "WHERE x.tenant_id = mi.tenant_id AND x.seller_sku = mi.seller_sku AND x.as_of <= ?)";
    }

    /** Units per SKU in paid orders on any of the tenant's malls, not yet shipped; parameter: tenant. */
    private static String unshippedUnits() {
        return "SELECT l.seller_sku, SUM(l.quantity) AS units FROM order_lines l "
                + "JOIN orders o ON o.account_id = l.account_id AND o.order_id = l.order_id "
                + "JOIN mall_accounts a ON a.id = l.account_id JOIN tenants t ON t.id = a.tenant_id "
                + "WHERE t.tenant_key = ? AND o.paid <> 'NONE' AND l.status IN (" + UNSHIPPED + ") "
                + "AND l.seller_sku IS NOT NULL GROUP BY l.seller_sku";
    }

    @Override
    public CollectedDay collectedDay(long accountId, LocalDate day) {
        return jdbc.queryForObject("SELECT COUNT(*), "
                        + "COALESCE(SUM((SELECT SUM(l.payment_amount) FROM order_lines l WHERE l.account_id = o.account_id "
                        + "AND l.order_id = o.order_id AND l.status <> 'CANCELLED')), 0), "
                        + "COALESCE(SUM(o.paid <> 'NONE'), 0), "
                        + "COALESCE(SUM(CASE WHEN o.paid <> 'NONE' THEN o.payment_amount END), 0) "
                        + "FROM orders o WHERE o.account_id = ? AND o.ordered_at >= ? AND o.ordered_at < ?",
                (rs, i) -> new CollectedDay(day, rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), rs.getBigDecimal(4)),
                accountId, day.atStartOfDay(), day.plusDays(1).atStartOfDay());
    }

    @Override
    public List<DailyTotals> mallTotals(long accountId, LocalDate day) {
        return jdbc.query("SELECT source, order_count, amount FROM mall_daily_totals WHERE account_id = ? "
                + "AND business_date = ? ORDER BY source", (rs, i) -> totals(rs, accountId, day), accountId, day);
    }

    private static DailyTotals totals(ResultSet rs, long accountId, LocalDate day) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(3);
        return new DailyTotals(accountId, day, rs.getString(1), (Integer) rs.getObject(2, Integer.class),
                amount == null ? null : new Money(amount));
    }

    @Override
    public List<DayVolume> volumes(long accountId, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT c.business_date, "
                        + "(SELECT COUNT(*) FROM orders o WHERE o.account_id = c.account_id "
                        + "AND o.ordered_at >= c.business_date AND o.ordered_at < c.business_date + INTERVAL 1 DAY), "
                        + "(SELECT COUNT(*) FROM stock_levels s WHERE s.account_id = c.account_id "
                        + "AND s.business_date = c.business_date AND NOT s.partial) "
                        + "FROM collect_stats c WHERE c.account_id = ? AND c.entity = 'order' AND c.status = 'COMPLETED' "
                        + "AND c.business_date BETWEEN ? AND ? ORDER BY c.business_date",
                (rs, i) -> new DayVolume(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)),
                accountId, from, to);
    }

    @Override
    public List<CollectedVariant> collectedVariants(long accountId, LocalDate businessDate) {
        return jdbc.query("SELECT v.variant_code, v.product_no, v.seller_sku, v.option_text, v.additional_amount, s.quantity "
                        + "FROM stock_levels s JOIN variants v ON v.account_id = s.account_id AND v.variant_code = s.variant_code "
                        + "WHERE s.account_id = ? AND s.business_date = ? AND NOT s.partial AND NOT s.stale "
                        + "ORDER BY v.variant_code",
                (rs, i) -> new CollectedVariant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getInt(6)), accountId, businessDate);
    }

    @Override
    public List<FieldParseRate> fieldParseRates(long accountId, LocalDate from, LocalDate businessDate) {
        return jdbc.query("SELECT n.entity, n.field, n.rows_seen, n.rows_parsed, "
                        + "COALESCE(SUM(t.rows_seen), 0), COALESCE(SUM(t.rows_parsed), 0) "
                        + "FROM crawl_field_parse_rates n "
                        + "LEFT JOIN crawl_field_parse_rates t ON t.account_id = n.account_id AND t.entity = n.entity "
                        + "AND t.field = n.field AND t.business_date BETWEEN ? AND ? AND t.step_execution_id < n.step_execution_id "
                        + "WHERE n.account_id = ? AND n.business_date = ? AND n.step_execution_id = (SELECT MAX(x.step_execution_id) "
                        + "FROM crawl_field_parse_rates x WHERE x.account_id = n.account_id AND x.business_date = n.business_date "
                        + "AND x.entity = n.entity) GROUP BY n.entity, n.field, n.rows_seen, n.rows_parsed ORDER BY n.entity, n.field",
                (rs, i) -> new FieldParseRate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), from, businessDate, accountId, businessDate);
    }

    @Override
    public List<String> openBreakKeys(long accountId, String check) {
        return jdbc.queryForList("SELECT b.break_key FROM reconcile_breaks b JOIN reconcile_break_events e ON e.id = "
                + "(SELECT MAX(x.id) FROM reconcile_break_events x WHERE x.break_id = b.id) WHERE b.account_id = ? "
                + "AND b.check_name = ? AND e.state IN ('OPEN', 'ACKNOWLEDGED') ORDER BY b.break_key", String.class,
                accountId, check);
    }
}
