package com.mallbatch.readers.crawl;

import java.util.ArrayList;
import java.util.List;

/** The Disallow rules robots.txt sets for every user agent ("User-agent: *"). */
final class RobotsRules {

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<String> disallowed;

    private RobotsRules(List<String> disallowed) {
        this.disallowed = disallowed;
    }

    static RobotsRules parse(String robotsTxt) {
        List<String> disallowed = new ArrayList<>();
        boolean forEveryone = false;
        for (String line : robotsTxt.split("\n")) {
            String l = line.strip();
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash).strip();
            }
            String lower = l.toLowerCase();
            if (lower.startsWith("user-agent:")) {
                forEveryone = l.substring("user-agent:".length()).strip().equals("*");
            } else if (forEveryone && lower.startsWith("disallow:")) {
                String path = l.substring("disallow:".length()).strip();
                if (!path.isEmpty()) {
                    disallowed.add(path);
                }
            }
        }
        return new RobotsRules(disallowed);
    }

    boolean allows(String path) {
        return disallowed.stream().noneMatch(path::startsWith);
    }
}
