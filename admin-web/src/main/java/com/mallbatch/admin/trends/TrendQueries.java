package com.mallbatch.admin.trends;

import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nightly trends from data the jobs already keep: how long each job's runs of a business date took (Spring Batch's
 * executions), and how many rows the collect wrote per mall and day ({@code collect_stats}, per account and entity).
 */
@Repository
public class TrendQueries {

    private final JdbcTemplate jdbc;

    public TrendQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per job, per business date from {@code from} to {@code to}: the minutes its finished executions of that date ran,
     * added up (a night that needed a restart took both).
     */
    public List<LineChart.Series> durationMinutes(LocalDate from, LocalDate to) {
        Map<String, List<LineChart.Point>> byJob = new LinkedHashMap<>();
        jdbc.query("SELECT i.JOB_NAME, p.PARAMETER_VALUE, SUM(TIMESTAMPDIFF(MICROSECOND, e.START_TIME, e.END_TIME)) "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = 'businessDate' AND p.IDENTIFYING = 'Y' "
                + "WHERE p.PARAMETER_VALUE BETWEEN ? AND ? AND e.START_TIME IS NOT NULL AND e.END_TIME IS NOT NULL "
                + "GROUP BY i.JOB_NAME, p.PARAMETER_VALUE ORDER BY i.JOB_NAME, p.PARAMETER_VALUE", rs -> {
            byJob.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LineChart.Point(
                    LocalDate.parse(rs.getString(2)), rs.getLong(3) / 60_000_000.0));
        }, from.toString(), to.toString());
        return series(byJob);
    }

    /**
     * Rows the collect wrote per day (the last run of each account's steps of that date, every entity added up): per
     * platform over all sellers, or, for one seller ({@code tenantKey}), per mall account of it.
     */
    public List<LineChart.Series> rowsWritten(LocalDate from, LocalDate to, String tenantKey) {
        String line = tenantKey == null ? "a.platform" : "CONCAT(a.platform, '/', a.account_key)";
        Map<String, List<LineChart.Point>> byLine = new LinkedHashMap<>();
        jdbc.query("SELECT " + line + ", s.business_date, SUM(s.write_count) FROM collect_stats s "
                + "JOIN mall_accounts a ON a.id = s.account_id JOIN tenants t ON t.id = a.tenant_id "
                + "WHERE s.business_date BETWEEN ? AND ? AND (? IS NULL OR t.tenant_key = ?) "
                + "GROUP BY " + line + ", s.business_date ORDER BY 1, 2", rs -> {
            byLine.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LineChart.Point(
                    rs.getObject(2, LocalDate.class), rs.getLong(3)));
        }, from, to, tenantKey, tenantKey);
        return series(byLine);
    }

    /** Every seller, by key, for the filter. */
    public List<String> tenants() {
        return jdbc.queryForList("SELECT tenant_key FROM tenants ORDER BY tenant_key", String.class);
    }

    private static List<LineChart.Series> series(Map<String, List<LineChart.Point>> byName) {
        List<LineChart.Series> series = new ArrayList<>();
        byName.forEach((name, points) -> series.add(new LineChart.Series(name, points)));
        return series;
    }
}
