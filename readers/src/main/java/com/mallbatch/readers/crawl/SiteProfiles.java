package com.mallbatch.readers.crawl;

import com.mallbatch.domain.port.CrawlProfileStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Site profiles by name: from the database first (so a new mall can be added while the app runs), then from a
 * directory of YAML files ({@code mallbatch.crawl.profiles-dir}), then from those bundled on the classpath
 * ({@code crawl-profiles/NAME.yml}). A profile is parsed when first asked for and kept until the app restarts.
 */
public final class SiteProfiles {

    private final CrawlProfileStore database;
    private final Path directory;
    private final Map<String, SiteProfile> parsed = new ConcurrentHashMap<>();

    public SiteProfiles(CrawlProfileStore database, Path directory) {
        this.database = database;
        this.directory = directory;
    }

    public SiteProfile get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A crawled account needs a crawlProfile");
        }
        return parsed.computeIfAbsent(name, n -> yaml(n)
                .map(y -> SiteProfileParser.parse(n + ".yml", y))
                .orElseThrow(() -> new IllegalArgumentException("No site profile '" + n + "' in the database, in "
                        + (directory == null ? "(no profiles directory)" : directory) + " or on the classpath")));
    }

    /** Parses {@code name} again when next asked for: its stored YAML has just been replaced. */
    public void forget(String name) {
        parsed.remove(name);
    }

    /** The YAML that {@link #get} would parse for {@code name}: the database's, the directory's or the bundled one. */
    public Optional<String> yaml(String name) {
        Optional<String> stored = database.profileYaml(name);
        if (stored.isPresent()) {
            return stored;
        }
        if (directory != null) {
            Path file = directory.resolve(name + ".yml");
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (var in = SiteProfiles.class.getClassLoader().getResourceAsStream("crawl-profiles/" + name + ".yml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
