package com.mallbatch.jobs.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings that moved, so a configuration written for an older version does not quietly lose them: each one still
 * set is named at start-up with where it lives now (the README's settings table lists them).
 */
final class RenamedProperties {

    static final Map<String, String> MOVED = movedSettings();
    private static final Logger log = LoggerFactory.getLogger(RenamedProperties.class);

    private RenamedProperties() {
    }

    /** @return the old names still set */
    static List<String> warnAbout(Environment environment) {
        List<String> stillSet = MOVED.keySet().stream().filter(environment::containsProperty).toList();
        stillSet.forEach(old -> log.warn("{} is no longer read: set {} instead", old, MOVED.get(old)));
        return stillSet;
    }

    private static Map<String, String> movedSettings() {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("mallbatch.collect.read-timeout", "mallbatch.cafe24.read-timeout, mallbatch.smartstore.read-timeout "
                + "and mallbatch.crawl.read-timeout");
        moved.put("mallbatch.collect.max-retries", "mallbatch.cafe24.max-retries and mallbatch.smartstore.max-retries");
        moved.put("mallbatch.collect.initial-backoff", "mallbatch.cafe24.initial-backoff and mallbatch.smartstore.initial-backoff");
        moved.put("mallbatch.collect.max-backoff", "mallbatch.cafe24.max-backoff and mallbatch.smartstore.max-backoff");
        moved.put("mallbatch.collect.max-calls-per-second", "mallbatch.cafe24.max-calls-per-second");
        return moved;
    }
}
