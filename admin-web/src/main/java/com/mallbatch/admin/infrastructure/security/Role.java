package com.mallbatch.admin.infrastructure.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person may do in the admin web. ADMIN implies every other role; OPS and FINANCE each imply VIEWER
 * ({@link SecurityConfiguration#roleHierarchy()}).
 */
public enum Role {
    /** Reads everything, changes nothing. */
    VIEWER,
    /** Launches, restarts, stops; decides reconcile breaks; pauses and resumes accounts. */
    OPS,
    /** Settlements, imports, downloads. */
    FINANCE,
    /** Accounts, credentials, crawl profiles, users. */
    ADMIN;

    /** {@code "OPS, viewer"} → {OPS, VIEWER}; an unknown or empty list is refused with the roles there are. */
    public static Set<Role> parse(String list) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : list == null ? new String[0] : list.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name.trim() + "' is not a role; the roles are "
                        + Arrays.toString(values()));
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("give at least one role of " + Arrays.toString(values()));
        }
        return roles;
    }

    public static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
