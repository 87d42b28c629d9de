package com.mallbatch.admin.infrastructure.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Finds a user in configuration first, then in {@code admin_users}. */
public class AdminUserDetailsService implements UserDetailsService {

    private final AdminUserProperties configured;
    private final AdminUsers stored;

    public AdminUserDetailsService(AdminUserProperties configured, AdminUsers stored) {
        this.configured = configured;
        this.stored = stored;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        for (AdminUserProperties.ConfiguredUser user : configured.users()) {
            if (username.equals(user.username())) {
                return User.withUsername(username).password(user.passwordHash())
                        .authorities(authorities(Role.parse(user.roles()))).build();
            }
        }
        return stored.find(username)
                .map(user -> User.withUsername(user.username()).password(user.passwordHash())
                        .authorities(authorities(user.roles())).disabled(!user.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static Collection<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        List<SimpleGrantedAuthority> list = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return list;
    }
}
