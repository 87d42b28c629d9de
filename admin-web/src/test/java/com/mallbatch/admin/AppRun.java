package com.mallbatch.admin;

import com.mallbatch.localdb.ThrowawaySchema;
import org.springframework.boot.test.system.CapturedOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The application run as from the command line against a schema: its exit code and what it printed meanwhile. */
record AppRun(int exitCode, String printed) {

    static AppRun execute(CapturedOutput output, ThrowawaySchema schema, String key, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password()));
        if (key != null) {
            all.add("--mallbatch.secret-key=" + key);
        }
        all.addAll(Arrays.asList(args));
        return execute(output, all.toArray(String[]::new));
    }

    static AppRun execute(CapturedOutput output, String... args) {
        int before = output.toString().length();
        int exitCode = MallbatchApplication.execute(args);
        return new AppRun(exitCode, output.toString().substring(before));
    }

    /** A count read from the schema as its owner. */
    static int count(ThrowawaySchema schema, String sql) {
        return new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                schema.jdbcUrl(), schema.user(), schema.password(), true)).queryForObject(sql, Integer.class);
    }

    /** The lines printed at ERROR. */
    List<String> errors() {
        return printed.lines().filter(line -> line.contains(" ERROR ")).toList();
    }

    boolean printedStackTrace() {
        return printed.lines().anyMatch(line -> line.startsWith("\tat ") || line.contains("Exception: "));
    }
}
