package com.mallbatch.admin.infrastructure.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code admin_users} table: a user's bcrypt hash and roles. */
@Repository
public class AdminUsers {

    /** A stored user; the hash stays on the server side of the login and is never rendered. */
    public record StoredUser(String username, String passwordHash, Set<Role> roles, boolean enabled) {

        @Override
        public String toString() {
            return "StoredUser[" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
        }
    }

    private final JdbcTemplate jdbc;

    public AdminUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, roles, enabled FROM admin_users WHERE username = ?",
                (rs, i) -> new StoredUser(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)),
                        rs.getBoolean(4)), username).stream().findFirst();
    }

    /** Every stored user, by name, with who made it and when. */
    public List<Listed> all() {
        return jdbc.query("SELECT username, roles, enabled, created_by, created_at FROM admin_users ORDER BY username",
                (rs, i) -> new Listed(rs.getString(1), Role.parse(rs.getString(2)), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime()));
    }

    /** @return whether such a user exists */
    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE admin_users SET enabled = ? WHERE username = ?", enabled, username) == 1;
    }

    /** A stored user as a list shows it: no hash. */
    public record Listed(String username, Set<Role> roles, boolean enabled, String createdBy, LocalDateTime createdAt) {
    }

    /** @throws IllegalArgumentException when the name is taken */
    public void create(String username, String passwordHash, Set<Role> roles, String createdBy) {
        try {
            jdbc.update("INSERT INTO admin_users (username, password_hash, roles, created_by) VALUES (?, ?, ?, ?)",
                    username, passwordHash, Role.join(roles), createdBy);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a user named '" + username + "' already exists");
        }
    }
}
