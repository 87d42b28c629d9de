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
 * LOAD DATA LOCAL into a per-connection temporary copy of the table and merged with one set-based
 * INSERT … SELECT … ON DUPLICATE KEY UPDATE, which is how bulk loads approach the speed of LOAD DATA itself.
 *
 * @param <T> the item; {@code rows} turns one item into zero or more rows in the spec's column order
 */
public final class UpsertWriter<T> implements ItemWriter<T> {

    private final DataSource dataSource;
    private final TableSpec spec;
    private final BiConsumer<T, Consumer<Object[]>> rows;
    private final UpsertMode mode;

    public UpsertWriter(DataSource dataSource, TableSpec spec, UpsertMode mode, BiConsumer<T, Consumer<Object[]>> rows) {
        this.dataSource = dataSource;
        this.spec = spec;
        this.rows = rows;
        this.mode = mode;
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
        chunk.forEach(item -> rows.accept(item, tsv::add));
        if (tsv.rows() == 0) {
            return;
        }
        String stage = spec.stageTable();
        try (Statement statement = connection.createStatement()) {
            // Temporary tables belong to the connection and take part in its transaction: a rolled-back chunk
            // leaves its stage empty again.
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " LIKE " + spec.table());
            statement.execute("DELETE FROM " + stage);
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv.bytes()));
            statement.execute("LOAD DATA LOCAL INFILE 'chunk.tsv' REPLACE INTO TABLE " + stage
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + spec.columnList() + ")");
            statement.execute("INSERT INTO " + spec.table() + " (" + spec.columnList() + ") SELECT "
                    + spec.columnList() + " FROM " + stage + spec.onDuplicateKeyUpdate());
            statement.execute("DELETE FROM " + stage);
        }
    }

    private void jdbcBatch(Connection connection, Chunk<? extends T> chunk) throws SQLException {
        List<Object[]> batch = new ArrayList<>();
        chunk.forEach(item -> rows.accept(item, batch::add));
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
