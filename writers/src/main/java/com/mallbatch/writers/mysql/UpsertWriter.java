package com.mallbatch.writers.mysql;

import com.mysql.cj.jdbc.JdbcStatement;
import org.springframework.batch.core.step.StepExecution;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes items as idempotent upserts on the table's natural key, inside the chunk's transaction: a rerun or a
 * restart rewrites the same rows, never duplicates them. In {@link UpsertMode#STAGED_LOAD} a chunk is streamed with
 * LOAD DATA LOCAL into a temporary stage table and merged with one set-based INSERT … SELECT … ON DUPLICATE KEY
 * UPDATE, which is how bulk loads approach the speed of LOAD DATA itself. Inside a step, a table keyed by account has
 * what each chunk inserted, updated and left unchanged counted and recorded ({@link LoadChanges}), in either mode.
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
        StepExecution step = spec.hasAccount() ? LoadChanges.currentStep() : null;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (step != null) {
                stagedAndCounted(connection, chunk, step);
            } else if (mode == UpsertMode.STAGED_LOAD) {
                stagedLoad(connection, allRows(chunk));
            } else {
                jdbcBatch(connection, allRows(chunk));
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private List<Object[]> allRows(Chunk<? extends T> chunk) {
        List<Object[]> all = new ArrayList<>();
        chunk.forEach(item -> rows.accept(item, row -> all.add(spec.row(row))));
        return all;
    }

    /**
     * One row per key, the chunk's last (what the merge would leave anyway: the later row of a key wins), so the counts
     * are of rows of the table, not of rows sent.
     */
    private List<Object[]> lastRowPerKey(Chunk<? extends T> chunk) {
        Map<List<Object>, Object[]> byKey = new LinkedHashMap<>();
        chunk.forEach(item -> rows.accept(item, row -> {
            Object[] values = spec.row(row);
            byKey.put(spec.keyOf(values), values);
        }));
        return new ArrayList<>(byKey.values());
    }

    /**
     * Within a step the chunk is staged in either mode (LOAD DATA, or a JDBC batch where the server refuses local
     * files), counted against the table, recorded and merged: the counts are exact in both modes.
     */
    private void stagedAndCounted(Connection connection, Chunk<? extends T> chunk, StepExecution step)
            throws SQLException {
        List<Object[]> unique = lastRowPerKey(chunk);
        if (unique.isEmpty()) {
            return;
        }
        String stage = spec.stageTable();
        try (Statement statement = connection.createStatement()) {
            createStage(statement, unique.size());
            if (mode == UpsertMode.STAGED_LOAD) {
                loadStage(statement, unique);
            } else {
                insertStage(connection, unique);
            }
            LoadChanges.countAndRecord(connection, spec, stage, step);
            statement.execute(spec.mergeFromStageSql(stage));
            statement.execute("DROP TEMPORARY TABLE " + stage);
        }
    }

    private void stagedLoad(Connection connection, List<Object[]> all) throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            createStage(statement, all.size());
            loadStage(statement, all);
            // Rows merge in load order, so when a chunk holds one key twice the later row wins.
            statement.execute(spec.mergeFromStageSql(spec.stageTable()));
            statement.execute("DROP TEMPORARY TABLE " + spec.stageTable());
        }
    }

    private void createStage(Statement statement, int rowCount) throws SQLException {
        String stage = spec.stageTable();
        // A fresh, index-free MEMORY stage per chunk: no redo or undo for rows that live a few milliseconds,
        // and dropping it is far cheaper than deleting them. CREATE/DROP TEMPORARY TABLE do not commit the
        // chunk's transaction. MEMORY stores VARCHARs at full width, hence the generous size per row.
        statement.execute("DROP TEMPORARY TABLE IF EXISTS " + stage);
        statement.execute("SET SESSION max_heap_table_size = " + Math.max(MIN_STAGE_BYTES, rowCount * STAGE_BYTES_PER_ROW));
        statement.execute("CREATE TEMPORARY TABLE " + stage + " ENGINE=MEMORY AS SELECT " + spec.columnList()
                + " FROM " + spec.table() + " LIMIT 0");
    }

    private void loadStage(Statement statement, List<Object[]> all) throws SQLException {
        TsvRows tsv = new TsvRows();
        all.forEach(tsv::add);
        statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv.bytes()));
        statement.execute("LOAD DATA LOCAL INFILE 'chunk.tsv' INTO TABLE " + spec.stageTable()
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + spec.columnList() + ")");
    }

    private void insertStage(Connection connection, List<Object[]> all) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(spec.insertIntoStageSql(spec.stageTable()))) {
            addAll(statement, all);
            statement.executeBatch();
        }
    }

    private void jdbcBatch(Connection connection, List<Object[]> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(spec.upsertValuesSql())) {
            addAll(statement, batch);
            statement.executeBatch();
        }
    }

    private static void addAll(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                statement.setObject(i + 1, row[i]);
            }
            statement.addBatch();
        }
    }
}
