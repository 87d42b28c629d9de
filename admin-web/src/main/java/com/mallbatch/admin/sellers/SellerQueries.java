package com.mallbatch.admin.sellers;

import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.reconcile.MatchRates;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.AccountResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sellers (tenants) as reconcile left them: the stock and order match rates as {@link MatchRates} defines them (the
 * gauges' definition), over the enabled accounts, now and per business date; and the breaks still open.
 */
@Service
public class SellerQueries {

    /** A seller now; a rate is null when no account of it has a value yet. */
    public record Seller(String tenantKey, String name, int accounts, Double stockMatch, Double orderMatch,
                         long openBreaks) {
    }

    /** A seller's rates per business date. */
    public record History(String tenantKey, String name, List<LineChart.Point> stockMatch,
                          List<LineChart.Point> orderMatch) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcReconcileLedger ledger;

    public SellerQueries(JdbcTemplate jdbc, JdbcReconcileLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Every seller, by key, with each account's newest results and the unresolved breaks. */
    public List<Seller> sellers() {
        Map<Long, String> tenantOf = enabledAccountTenants();
        Map<String, Double> stock = MatchRates.Rate.STOCK.means(newest(MatchRates.Rate.STOCK),
                r -> tenantOf.get(r.accountId()));
        Map<String, Double> order = MatchRates.Rate.ORDER.means(newest(MatchRates.Rate.ORDER),
                r -> tenantOf.get(r.accountId()));
        Map<String, Long> breaks = new HashMap<>();
        ledger.unresolved().forEach(b -> {
            String tenant = tenantOf.get(b.accountId());
            if (tenant != null) {
                breaks.merge(tenant, 1L, Long::sum);
            }
        });
        Map<String, Integer> accounts = new HashMap<>();
        tenantOf.values().forEach(t -> accounts.merge(t, 1, Integer::sum));
        return jdbc.query("SELECT tenant_key, name FROM tenants ORDER BY tenant_key", (rs, i) -> {
            String key = rs.getString(1);
            return new Seller(key, rs.getString(2), accounts.getOrDefault(key, 0), stock.get(key), order.get(key),
                    breaks.getOrDefault(key, 0L));
        });
    }

    /** A seller's rates for each business date from {@code from} to {@code to}; empty when there is no such seller. */
    public Optional<History> history(String tenantKey, LocalDate from, LocalDate to) {
        List<String> name = jdbc.queryForList("SELECT name FROM tenants WHERE tenant_key = ?", String.class, tenantKey);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new History(tenantKey, name.get(0), perDay(MatchRates.Rate.STOCK, tenantKey, from, to),
                perDay(MatchRates.Rate.ORDER, tenantKey, from, to)));
    }

    private List<AccountResult> newest(MatchRates.Rate rate) {
        return ledger.newestResults(rate.check(), rate.subjects());
    }

    /** Per business date: the mean over the results each enabled account of the tenant recorded for that date. */
    private List<LineChart.Point> perDay(MatchRates.Rate rate, String tenantKey, LocalDate from, LocalDate to) {
        List<AccountResult> results = jdbc.query("SELECT r.account_id, r.business_date, r.subject, r.figure, r.verdict "
                        + "FROM reconcile_results r JOIN mall_accounts a ON a.id = r.account_id AND a.enabled "
                        + "JOIN tenants t ON t.id = a.tenant_id WHERE t.tenant_key = ? AND r.check_name = ? "
                        + "AND r.subject LIKE ? AND r.business_date BETWEEN ? AND ? "
                        + "AND r.id = (SELECT MAX(x.id) FROM reconcile_results x WHERE x.business_date = r.business_date "
                        + "AND x.account_id = r.account_id AND x.check_name = r.check_name AND x.subject = r.subject)",
                (rs, i) -> new AccountResult(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBigDecimal(4), Verdict.valueOf(rs.getString(5))),
                tenantKey, rate.check(), rate.subjects(), from, to);
        List<LineChart.Point> points = new ArrayList<>();
        rate.means(results, AccountResult::businessDate).forEach((day, mean) -> points.add(new LineChart.Point(day, mean)));
        points.sort((a, b) -> a.day().compareTo(b.day()));
        return points;
    }

    /** Account id → tenant key of the enabled accounts. */
    private Map<Long, String> enabledAccountTenants() {
        Map<Long, String> tenants = new HashMap<>();
        jdbc.query("SELECT a.id, t.tenant_key FROM mall_accounts a JOIN tenants t ON t.id = a.tenant_id WHERE a.enabled",
                rs -> {
                    tenants.put(rs.getLong(1), rs.getString(2));
                });
        return tenants;
    }
}
