package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A target table and how a row of it is made from an item: every column is declared once, by name, next to the value
 * it takes, and the columns of the natural key are marked as such.
 *
 * @param <R> the item one row is made from
 */
public final class TableSpec<R> {

    /**
     * One column: its name, whether it belongs to the natural key, its value for an item, and whether a new value
     * counts as a change of the row ({@code false} for bookkeeping such as when or whether the row was confirmed).
     */
    public record Column<R>(String name, boolean key, Function<R, ?> value, boolean compared) {
    }

    private static final String ACCOUNT = "account_id";

    private final String table;
    private final List<Column<R>> columns;

    private TableSpec(String table, List<Column<R>> columns) {
        if (columns.stream().noneMatch(Column::key)) {
            throw new IllegalArgumentException(table + ": a table needs at least one key column");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    @SafeVarargs
    public static <R> TableSpec<R> of(String table, Column<R>... columns) {
        return new TableSpec<>(table, Arrays.asList(columns));
    }

    public static <R> Column<R> key(String name, Function<R, ?> value) {
        return new Column<>(name, true, value, true);
    }

    public static <R> Column<R> column(String name, Function<R, ?> value) {
        return new Column<>(name, false, value, true);
    }

    /** Bookkeeping written with every upsert but not what the mall said: rewriting it is no change of the row. */
    public static <R> Column<R> stamp(String name, Function<R, ?> value) {
        return new Column<>(name, false, value, false);
    }

    /** A money column: the amount, or NULL when the mall did not show it. */
    public static <R> Column<R> amount(String name, Function<R, Money> value) {
        return new Column<>(name, false, item -> {
            Money money = value.apply(item);
            return money == null ? null : money.amount();
        }, true);
    }

    public String table() {
        return table;
    }

    /** The row for one item, in column order. */
    public Object[] row(R item) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().apply(item);
        }
        return values;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code ON DUPLICATE KEY UPDATE c = VALUES(c)}: the form MySQL 8 and MariaDB 10.11 both accept. */
    String onDuplicateKeyUpdate() {
        return " ON DUPLICATE KEY UPDATE " + columns.stream().filter(c -> !c.key())
                .map(c -> c.name() + " = VALUES(" + c.name() + ")").collect(Collectors.joining(", "));
    }

    String upsertValuesSql() {
        return "INSERT INTO " + table + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")" + onDuplicateKeyUpdate();
    }

    String stageTable() {
        return "stage_" + table;
    }

    /** The key of a row made by {@link #row}, for telling two rows of one key apart from two keys. */
    List<Object> keyOf(Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key()) {
                key.add(row[i]);
            }
        }
        return key;
    }

    /** Whether rows name their account: only then are their changes counted per account. */
    boolean hasAccount() {
        return columns.stream().anyMatch(c -> c.key() && c.name().equals(ACCOUNT));
    }

    /**
     * Per account of the rows staged in {@code stage}: how many have a key the table lacks (will be inserted), how many
     * differ from the stored row in a compared column (will be updated), and how many rows there are. Run before the
     * merge; the stage holds one row per key.
     */
    String changeCountSql(String stage) {
        String on = columns.stream().filter(Column::key).map(c -> "t." + c.name() + " = s." + c.name())
                .collect(Collectors.joining(" AND "));
        String same = columns.stream().filter(c -> !c.key() && c.compared())
                .map(c -> "t." + c.name() + " <=> s." + c.name()).collect(Collectors.joining(" AND "));
        String absent = "t." + ACCOUNT + " IS NULL";
        return "SELECT s." + ACCOUNT + ", SUM(" + absent + "), SUM(NOT (" + absent + ") AND NOT ("
                + (same.isEmpty() ? "TRUE" : same) + ")), COUNT(*) FROM " + stage + " s LEFT JOIN " + table
                + " t ON " + on + " GROUP BY s." + ACCOUNT;
    }

    String insertIntoStageSql(String stage) {
        return "INSERT INTO " + stage + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    String mergeFromStageSql(String stage) {
        return "INSERT INTO " + table + " (" + columnList() + ") SELECT " + columnList() + " FROM " + stage
                + onDuplicateKeyUpdate();
    }
}
