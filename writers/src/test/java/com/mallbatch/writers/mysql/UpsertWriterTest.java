package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both load paths against a real MariaDB: idempotent, last write wins, awkward text survives, rollbacks leave nothing. */
class UpsertWriterTest {

    static MigratedSchema db;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;

    @BeforeAll
    static void migrate() {
        db = new MigratedSchema("writers");
        dataSource = db.dataSource;
        jdbc = db.jdbc;
        tx = db.tx;
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("DELETE FROM order_lines");
    }

    static OrderLine line(String lineId, String name, int quantity) {
        return new OrderLine(7, "20261120-0000001", lineId, "12", "P000000C000A", null, name, "", quantity, null,
                Money.of(12_900), Money.of(0), Money.of(1_000), Money.of(0), Money.of(12_900L * quantity - 1_000),
                "N40", OrderLineStatus.DELIVERED);
    }

    private void write(ItemWriter<OrderLine> writer, List<OrderLine> lines) {
        tx.executeWithoutResult(status -> {
            try {
                writer.write(new Chunk<>(lines));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM order_lines ORDER BY line_id");
    }

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void upsertsAreIdempotentAndTheLastWriteWins(UpsertMode mode) {
        ItemWriter<OrderLine> writer = new CanonicalTables(dataSource, mode).orderLines();
        write(writer, List.of(line("L1", "반팔 티셔츠", 1), line("L2", "청바지", 2)));
        List<Map<String, Object>> first = rows();

        write(writer, List.of(line("L1", "반팔 티셔츠", 1), line("L2", "청바지", 2)));
        assertThat(rows()).isEqualTo(first);

        write(writer, List.of(line("L2", "청바지", 3), line("L2", "청바지", 4)));
        assertThat(rows()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT quantity FROM order_lines WHERE line_id = 'L2'", Integer.class)).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void textWithTabsNewlinesBackslashesAndKoreanRoundTrips(UpsertMode mode) {
        String awkward = "탭\t줄\n바꿈\r\\N 역슬래시\\ \"따옴표\" 'quote' 품절";
        write(new CanonicalTables(dataSource, mode).orderLines(), List.of(line("L1", awkward, 1)));

        assertThat(jdbc.queryForObject("SELECT product_name FROM order_lines", String.class)).isEqualTo(awkward);
        assertThat(jdbc.queryForObject("SELECT seller_sku IS NULL FROM order_lines", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT unit_price FROM order_lines", String.class)).isEqualTo("12900.00");
    }

    @ParameterizedTest
    @EnumSource(UpsertMode.class)
    void aRolledBackChunkLeavesNothingBehind(UpsertMode mode) {
        ItemWriter<OrderLine> writer = new CanonicalTables(dataSource, mode).orderLines();
        tx.executeWithoutResult(status -> {
            try {
                writer.write(new Chunk<>(List.of(line("L9", "롤백", 1))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });
        assertThat(rows()).isEmpty();

        write(writer, List.of(line("L1", "다음 청크", 1)));
        assertThat(rows()).extracting(r -> r.get("line_id")).containsExactly("L1");
    }
}
