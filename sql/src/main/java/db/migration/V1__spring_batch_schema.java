package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the Spring Batch metadata tables from the MySQL schema that ships inside spring-batch-core, so the
 * tables always match the Batch version on the classpath and Flyway stays the one owner of DDL.
 */
public class V1__spring_batch_schema extends BaseJavaMigration {

    static final String SCHEMA = "org/springframework/batch/core/schema-mysql.sql";

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(readSchema())) {
                statement.execute(sql);
            }
        }
    }

    private static String readSchema() throws IOException {
        try (InputStream in = V1__spring_batch_schema.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IOException(SCHEMA + " is not on the classpath: is spring-batch-core missing?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits the script at semicolons, dropping comment lines; the schema has no semicolons inside statements. */
    static java.util.List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        script.lines().filter(line -> !line.strip().startsWith("--")).forEach(l -> withoutComments.append(l).append('\n'));
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
