package com.mallbatch.writers.mysql;

import com.mallbatch.domain.reconcile.CollectedDay;
import com.mallbatch.domain.reconcile.DayVolume;
import com.mallbatch.domain.reconcile.FieldParseRate;
import com.mallbatch.domain.reconcile.StockPosition;
import com.mallbatch.localdb.ThrowawaySchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation's reads against a real MariaDB, on rows written by hand to show each rule. */
class JdbcReconcileFactsTest {

    static final LocalDate D = LocalDate.of(2026, 11, 20);
    static ThrowawaySchema schema;
    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;
    static JdbcReconcileFacts facts;

    @BeforeAll
    static void migrate() {
        schema = ThrowawaySchema.create("recfacts");
        Flyway.configure().dataSource(schema.jdbcUrl(), schema.user(), schema.password()).load().migrate();
        dataSource = new SingleConnectionDataSource(schema.jdbcUrl(), schema.user(), schema.password(), true);
        jdbc = new JdbcTemplate(dataSource);
        facts = new JdbcReconcileFacts(jdbc);
        jdbc.update("INSERT INTO tenants (id, tenant_key, name) VALUES (1, 'acme', 'acme'), (2, 'other', 'other')");
        jdbc.update("INSERT INTO mall_accounts (id, tenant_id, platform, account_key) VALUES (10, 1, 'CAFE24', 'a'), "
                + "(11, 1, 'CRAWL', 'b'), (20, 2, 'CAFE24', 'c')");
    }

    @AfterAll
    static void drop() {
        dataSource.destroy();
        schema.close();
    }

    @Test
    void masterAvailableIsTheNewestCountUpToTheDateLessPaidUnshippedUnitsOnAnyOfTheTenantsMalls() {
        variant(10, "V1", "SKU-1", 7);
        variant(10, "V2", "SKU-2", 3);
        variant(10, "V3", null, 1);
        jdbc.update("INSERT INTO master_inventory (tenant_id, seller_sku, as_of, quantity, source) VALUES "
                + "(1, 'SKU-1', ?, 50, 'x'), (1, 'SKU-1', ?, 10, 'x'), (1, 'SKU-1', ?, 99, 'x')",
                D.minusDays(3), D, D.plusDays(1));
        order(10, "O1", "ALL", "SKU-1", 2, "PREPARING");
        order(11, "O2", "PARTIAL", "SKU-1", 1, "CANCEL_REQUESTED"); // another mall of the tenant
        order(11, "O3", "NONE", "SKU-1", 5, "PREPARING");           // not paid: not sold yet
        order(10, "O4", "ALL", "SKU-1", 4, "SHIPPING");             // gone from the shelf
        order(20, "O5", "ALL", "SKU-1", 8, "PREPARING");            // another tenant's

        assertThat(facts.stockPositions(10, "acme", D)).containsExactly(
                new StockPosition("V1", "P-V1", "SKU-1", 7, true, true, 10, 3),
                new StockPosition("V2", "P-V2", "SKU-2", 3, true, true, null, 0),
                new StockPosition("V3", "P-V3", null, 1, true, true, null, 0));
        assertThat(facts.hasMasterInventory("acme", D.minusDays(4))).isFalse();
        assertThat(facts.masterSkusListedNowhere("acme", D)).isEmpty();
        jdbc.update("INSERT INTO master_inventory (tenant_id, seller_sku, as_of, quantity, source) VALUES (1, 'SKU-9', ?, 1, 'x')", D);
        assertThat(facts.masterSkusListedNowhere("acme", D)).containsExactly("SKU-9");
    }

    @Test
    void aDaysOrdersAreSummedAsEachKindOfMallTotalsCountsThem() {
        jdbc.update("INSERT INTO orders (account_id, order_id, ordered_at, paid, canceled, payment_amount) VALUES "
                + "(20, 'A', ?, 'ALL', 'NONE', 10000), (20, 'B', ?, 'NONE', 'NONE', 5000), (20, 'C', ?, 'ALL', 'NONE', 7000)",
                D.atTime(9, 0), D.atTime(23, 59), D.plusDays(1).atStartOfDay());
        jdbc.update("INSERT INTO order_lines (account_id, order_id, line_id, product_no, product_name, quantity, "
                + "payment_amount, platform_status, status) VALUES (20, 'A', '1', 'P', 'n', 1, 6000, 'x', 'DELIVERED'), "
                + "(20, 'A', '2', 'P', 'n', 1, 4000, 'x', 'CANCELLED'), (20, 'B', '1', 'P', 'n', 1, 5000, 'x', 'PREPARING')");
        CollectedDay day = facts.collectedDay(20, D);
        assertThat(day.orders()).isEqualTo(2);
        assertThat(day.paidExceptCancelled()).isEqualByComparingTo("11000");
        assertThat(day.paidOrders()).isEqualTo(1);
        assertThat(day.paidOrderAmount()).isEqualByComparingTo("10000");
    }

    @Test
    void volumesCountOnlyDaysWhoseCollectCompleted() {
        for (int i = 1; i <= 3; i++) {
            jdbc.update("INSERT INTO collect_stats (business_date, account_id, entity, job_execution_id, read_count, "
                    + "write_count, skip_count, status) VALUES (?, 30, 'order', 1, 0, 0, 0, ?)", D.minusDays(i),
                    i == 2 ? "FAILED" : "COMPLETED");
            jdbc.update("INSERT INTO orders (account_id, order_id, ordered_at, paid, canceled) VALUES (30, ?, ?, 'ALL', 'NONE')",
                    "X" + i, D.minusDays(i).atTime(12, 0));
        }
        jdbc.update("INSERT INTO stock_levels (account_id, variant_code, business_date, quantity, inventory_tracked, source) "
                + "VALUES (30, 'V', ?, 1, TRUE, 'API'), (30, 'W', ?, 1, TRUE, 'API')", D.minusDays(1), D.minusDays(1));
        assertThat(facts.volumes(30, D.minusDays(28), D)).containsExactly(
                new DayVolume(D.minusDays(3), 1, 0), new DayVolume(D.minusDays(1), 1, 2));
    }

    @Test
    void aFieldsParseRateIsTheDatesNewestCrawlAgainstTheEarlierOnes() {
        rate(1, D.minusDays(2), 100, 100);
        rate(2, D.minusDays(1), 100, 98);
        rate(3, D, 100, 50);  // an earlier crawl of the date counts as before
        rate(4, D, 200, 150);
        rate(5, D.minusDays(40), 100, 0); // outside the window
        assertThat(facts.fieldParseRates(40, D.minusDays(28), D)).containsExactly(
                new FieldParseRate("variants", "stock", 200, 150, 300, 248));
    }

    private static void variant(long account, String code, String sku, int quantity) {
        jdbc.update("INSERT INTO variants (account_id, variant_code, product_no, seller_sku, additional_amount, displayed, "
                + "selling, source) VALUES (?, ?, ?, ?, 0, TRUE, TRUE, 'API')", account, code, "P-" + code, sku);
        jdbc.update("INSERT INTO stock_levels (account_id, variant_code, business_date, quantity, inventory_tracked, source) "
                + "VALUES (?, ?, ?, ?, TRUE, 'API')", account, code, D, quantity);
    }

    private static void order(long account, String orderId, String paid, String sku, int quantity, String status) {
        jdbc.update("INSERT INTO orders (account_id, order_id, ordered_at, paid, canceled) VALUES (?, ?, ?, ?, 'NONE')",
                account, orderId, D.minusDays(1).atTime(10, 0), paid);
        jdbc.update("INSERT INTO order_lines (account_id, order_id, line_id, product_no, seller_sku, product_name, quantity, "
                + "platform_status, status) VALUES (?, ?, '1', 'P', ?, 'n', ?, 'x', ?)", account, orderId, sku, quantity, status);
    }

    private static void rate(long step, LocalDate date, long seen, long parsed) {
        jdbc.update("INSERT INTO crawl_field_parse_rates (step_execution_id, job_execution_id, account_id, site, "
                + "business_date, entity, field, rows_seen, rows_parsed) VALUES (?, 1, 40, 's', ?, 'variants', 'stock', ?, ?)",
                step, date, seen, parsed);
    }
}
