package com.mallbatch.admin.users;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUserProperties;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.security.Role;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin web's users: those given in configuration (read-only here) and those in {@code admin_users}, which the
 * {@code create-user} command and the users page both create through {@link #create}. A password is hashed at once and
 * never stored, logged or audited; a stored user is disabled rather than deleted, so the audit keeps naming someone.
 */
@Service
public class UserAdministration {

    public static final int MIN_PASSWORD_LENGTH = 12;
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    /** A user as the users page lists it; {@code configured} ones can only be changed in configuration. */
    public record User(String username, String roles, boolean configured, boolean enabled, String createdBy,
                       LocalDateTime createdAt) {
    }

    private final AdminUserProperties configured;
    private final AdminUsers stored;
    private final PasswordEncoder passwords;
    private final AdminAudit audit;
    private final Optional<SessionRegistry> sessions;

    /** @param sessions the web's signed-in sessions; none where no web is served (the {@code create-user} command) */
    public UserAdministration(AdminUserProperties configured, AdminUsers stored, PasswordEncoder passwords,
                              AdminAudit audit, Optional<SessionRegistry> sessions) {
        this.configured = configured;
        this.stored = stored;
        this.passwords = passwords;
        this.audit = audit;
        this.sessions = sessions;
    }

    public List<User> all() {
        List<User> users = new ArrayList<>();
        configured.users().forEach(u -> users.add(new User(u.username(), Role.join(Role.parse(u.roles())), true, true,
                null, null)));
        stored.all().forEach(u -> users.add(new User(u.username(), Role.join(u.roles()), false, u.enabled(),
                u.createdBy(), u.createdAt())));
        return users;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong (name, password or roles) when nothing was created
     */
    public void create(String username, String password, Set<Role> roles, String by) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is letters, digits and . _ @ -, at most 100");
        }
        if (isConfigured(username)) {
            throw new IllegalArgumentException("'" + username + "' is a user given in configuration");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("give at least one role");
        }
        stored.create(username, passwords.encode(password), roles, by);
        audit.record(by, "create-user", "user " + username, "roles=" + Role.join(roles), "created");
    }

    /** @throws IllegalArgumentException for a configured or unknown user (nothing changed) */
    public void setEnabled(String username, boolean enabled, String by) {
        String action = enabled ? "enable-user" : "disable-user";
        if (isConfigured(username)) {
            audit.record(by, action, "user " + username, null, "refused: given in configuration");
            throw new IllegalArgumentException("'" + username + "' is given in configuration; change it there");
        }
        if (!stored.setEnabled(username, enabled)) {
            throw new IllegalArgumentException("no user named '" + username + "'");
        }
        if (!enabled) { // a disabled user stops now, not when their session would have timed out
            sessions.ifPresent(registry -> registry.getAllPrincipals().stream()
                    .filter(principal -> principal instanceof UserDetails user && user.getUsername().equals(username))
                    .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                    .forEach(SessionInformation::expireNow));
        }
        audit.record(by, action, "user " + username, null, enabled ? "enabled" : "disabled");
    }

    private boolean isConfigured(String username) {
        return configured.users().stream().anyMatch(u -> u.username().equals(username));
    }
}
