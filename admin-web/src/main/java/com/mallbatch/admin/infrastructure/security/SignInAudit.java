package com.mallbatch.admin.infrastructure.security;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Sign-ins, refused sign-ins and sign-outs in the admin audit. A refused sign-in names the user only when such a user
 * exists: what was typed into the name field of a failed attempt may be a password.
 */
class SignInAudit {

    private final AdminAudit audit;
    private final UserDetailsService users;

    SignInAudit(AdminAudit audit, UserDetailsService users) {
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "sign-in", "admin web", null, "succeeded");
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        audit.record(knownOrNot(event.getAuthentication().getName()), "sign-in", "admin web", null,
                "refused: " + event.getException().getClass().getSimpleName());
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "sign-out", "admin web", null, "succeeded");
    }

    private String knownOrNot(String name) {
        try {
            users.loadUserByUsername(name);
            return name;
        } catch (UsernameNotFoundException e) {
            return "(unknown user)";
        }
    }
}
