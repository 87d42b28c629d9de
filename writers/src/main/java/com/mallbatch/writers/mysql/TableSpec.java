package com.mallbatch.writers.mysql;

import java.util.List;
import java.util.stream.Collectors;

/** A target table: its columns in load order and which of them form the natural key. */
public record TableSpec(String table, List<String> columns, List<String> keyColumns) {

    public TableSpec {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        if (!columns.containsAll(keyColumns)) {
            throw new IllegalArgumentException(table + ": key columns must be among the columns");
        }
    }

    String columnList() {
        return String.join(", ", columns);
    }

    /** {@code ON DUPLICATE KEY UPDATE c = VALUES(c)}: the form MySQL 8 and MariaDB 10.11 both accept. */
    String onDuplicateKeyUpdate() {
        return " ON DUPLICATE KEY UPDATE " + columns.stream().filter(c -> !keyColumns.contains(c))
                .map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
    }

    String upsertValuesSql() {
        return "INSERT INTO " + table + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")" + onDuplicateKeyUpdate();
    }

    String stageTable() {
        return "stage_" + table;
    }
}
