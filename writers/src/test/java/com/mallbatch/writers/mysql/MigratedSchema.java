package com.mallbatch.writers.mysql;

import com.mallbatch.localdb.ThrowawaySchema;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A throwaway schema with every migration applied, reached over one connection as a chunk reaches it (a stage table
 * lives per connection), with a JdbcTemplate and a TransactionTemplate on that connection: the writer tests' database.
 */
final class MigratedSchema implements AutoCloseable {

    final ThrowawaySchema schema;
    final SingleConnectionDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;

    MigratedSchema(String prefix) {
        schema = ThrowawaySchema.create(prefix);
        Flyway.configure().dataSource(schema.jdbcUrl(), schema.user(), schema.password()).load().migrate();
        dataSource = new SingleConnectionDataSource(schema.jdbcUrl(), schema.user(), schema.password(), true);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        dataSource.destroy();
        schema.close();
    }
}
