package com.mallbatch.admin.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users given in configuration ({@code mallbatch.admin.users[0].username}, {@code .password-hash} — a bcrypt hash,
 * never a password — and {@code .roles}, e.g. {@code OPS,FINANCE}). Users created by the {@code create-user} command
 * live in the {@code admin_users} table instead.
 */
@ConfigurationProperties("mallbatch.admin")
public record AdminUserProperties(List<ConfiguredUser> users) {

    public AdminUserProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record ConfiguredUser(String username, String passwordHash, String roles) {

        @Override
        public String toString() { // never the hash
            return "ConfiguredUser[" + username + ", roles=" + roles + "]";
        }
    }
}
