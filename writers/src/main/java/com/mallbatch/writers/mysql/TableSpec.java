package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;

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

    /** One column: its name, whether it belongs to the natural key, and its value for an item. */
    public record Column<R>(String name, boolean key, Function<R, ?> value) {
    }

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
        return new Column<>(name, true, value);
    }

    public static <R> Column<R> column(String name, Function<R, ?> value) {
        return new Column<>(name, false, value);
    }

    /** A money column: the amount, or NULL when the mall did not show it. */
    public static <R> Column<R> amount(String name, Function<R, Money> value) {
        return new Column<>(name, false, item -> {
            Money money = value.apply(item);
            return money == null ? null : money.amount();
        });
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
}
