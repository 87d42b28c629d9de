package com.mallbatch.writers.mysql;

import com.mallbatch.domain.port.CrawlProfileStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** Site profiles kept in {@code crawl_profiles}. */
public final class JdbcCrawlProfiles implements CrawlProfileStore {

    private final JdbcTemplate jdbc;

    public JdbcCrawlProfiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> profileYaml(String name) {
        return jdbc.query("SELECT yaml FROM crawl_profiles WHERE name = ?", (rs, n) -> rs.getString(1), name).stream()
                .findFirst();
    }

    public void save(String name, String yaml) {
        jdbc.update("INSERT INTO crawl_profiles (name, yaml) VALUES (?, ?) ON DUPLICATE KEY UPDATE yaml = VALUES(yaml)",
                name, yaml);
    }
}
