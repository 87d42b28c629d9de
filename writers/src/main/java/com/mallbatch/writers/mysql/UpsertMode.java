package com.mallbatch.writers.mysql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How rows reach the database. */
public enum UpsertMode {
    /** Stream a chunk into a temporary stage with LOAD DATA LOCAL, then merge it with one INSERT … SELECT. */
    STAGED_LOAD,
    /** A JDBC batch of INSERT … ON DUPLICATE KEY UPDATE (multi-row with rewriteBatchedStatements). */
    JDBC_BATCH;

    /** The faster mode the server allows: MySQL 8 ships with local_infile off, MariaDB with it on. */
    public static UpsertMode detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@GLOBAL.local_infile")) {
            return rs.next() && rs.getInt(1) == 1 ? STAGED_LOAD : JDBC_BATCH;
        } catch (SQLException e) {
            return JDBC_BATCH;
        }
    }
}
