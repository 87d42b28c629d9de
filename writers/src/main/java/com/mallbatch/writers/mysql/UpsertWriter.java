package com.mallbatch.writers.mysql;

import com.mysql.cj.jdbc.JdbcStatement;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes items as idempotent upserts on the table's natural key, inside the chunk's transaction: a rerun or a
 * restart rewrites the same rows, never duplicates them. In {@link UpsertMode#STAGED_LOAD} a chunk is streamed with
 * LOAD DATA LOCAL into a temporary stage table and merged with one set-based INSERT … SELECT … ON DUPLICATE KEY
 * UPDATE, which is how bulk loads approach the speed of LOAD DATA itself.
 *
 * @param <T> the item the step writes
 * @param <R> what one row is made from; {@code rows} turns an item into zero or more of them
 */
public final class UpsertWriter<T, R> implements ItemWriter<T> {

    private static final long MIN_STAGE_BYTES = 16L << 20;
    private static final long STAGE_BYTES_PER_ROW = 8192;

    private final DataSource dataSource;
    private final TableSpec<R> spec;
    private final BiConsumer<T, Consumer<R>> rows;
    private final UpsertMode mode;

    public UpsertWriter(DataSource dataSource, TableSpec<R> spec, UpsertMode mode, BiConsumer<T, Consumer<R>> rows) {
        this.dataSource = dataSource;
        this.spec = spec;
        this.rows = rows;
        this.mode = mode;
    }

    /** One row per item. */
    public static <T> UpsertWriter<T, T> rowPerItem(DataSource dataSource, TableSpec<T> spec, UpsertMode mode) {
        return new UpsertWriter<>(dataSource, spec, mode, (item, out) -> out.accept(item));
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (mode == UpsertMode.STAGED_LOAD) {
                stagedLoad(connection, chunk);
            } else {
                jdbcBatch(connection, chunk);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void stagedLoad(Connection connection, Chunk<? extends T> chunk) throws SQLException {
        TsvRows tsv = new TsvRows();
        chunk.forEach(item -> rows.accept(item, row -> tsv.add(spec.row(row))));
        if (tsv.rows() == 0) {
            return;
        }
        String stage = spec.stageTable();
        try (Statement statement = connection.createStatement()) {
            // A fresh, index-free MEMORY stage per chunk: no redo or undo for rows that live a few milliseconds,
            // and dropping it is far cheaper than deleting them. CREATE/DROP TEMPORARY TABLE do not commit the
            // chunk's transaction. MEMORY stores VARCHARs at full width, hence the generous size per row.
            statement.execute("DROP TEMPORARY TABLE IF EXISTS " + stage);
            statement.execute("SET SESSION max_heap_table_size = " + Math.max(MIN_STAGE_BYTES, tsv.rows() * STAGE_BYTES_PER_ROW));
            statement.execute("CREATE TEMPORARY TABLE " + stage + " ENGINE=MEMORY AS SELECT " + spec.columnList()
                    + " FROM " + spec.table() + " LIMIT 0");
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv.bytes()));
            statement.execute("LOAD DATA LOCAL INFILE 'chunk.tsv' INTO TABLE " + stage
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + spec.columnList() + ")");
            // Rows merge in load order, so when a chunk holds one key twice the later row wins.
            statement.execute("INSERT INTO " + spec.table() + " (" + spec.columnList() + ") SELECT "
                    + spec.columnList() + " FROM " + stage + spec.onDuplicateKeyUpdate());
            statement.execute("DROP TEMPORARY TABLE " + stage);
        }
    }

    private void jdbcBatch(Connection connection, Chunk<? extends T> chunk) throws SQLException {
        List<Object[]> batch = new ArrayList<>();
        chunk.forEach(item -> rows.accept(item, row -> batch.add(spec.row(row))));
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(spec.upsertValuesSql())) {
            for (Object[] row : batch) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
