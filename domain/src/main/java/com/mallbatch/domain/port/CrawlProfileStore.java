package com.mallbatch.domain.port;

import java.util.Optional;

/** Site profiles kept in the database, by name, as YAML: a profile there wins over a file of the same name. */
public interface CrawlProfileStore {

    Optional<String> profileYaml(String name);
}
