package com.mallbatch.admin.infrastructure.security;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login on our own page, CSRF on (the session keeps the token), sessions, method security. Everything needs a
 * signed-in VIEWER at least, except the login page, static assets and webjars, the error page, and the actuator's
 * health, info and prometheus endpoints (scraped without a login, as before the admin web). Any other actuator
 * endpoint, when exposed, needs ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@Import(AdminUsersConfiguration.class)
public class SecurityConfiguration {

    public static final String LOGIN_PAGE = "/login";

    @Bean
    SecurityFilterChain adminWeb(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        // not an exposed endpoint: nothing answers there but a 404
                        .requestMatchers("/actuator/**").permitAll()
                        .requestMatchers(LOGIN_PAGE, "/webjars/**", "/css/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/runs", false).permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new HtmxAwareEntryPoint(LOGIN_PAGE)))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").permitAll())
                // every session is registered, so disabling a user ends theirs (UserAdministration)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl(LOGIN_PAGE + "?expired"));
        return http.build();
    }

    @Bean
    static SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so it does not keep them forever. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** ADMIN implies OPS and FINANCE; each of those implies VIEWER. Used by URL rules and method security alike. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPS.name(), Role.FINANCE.name())
                .role(Role.OPS.name()).implies(Role.VIEWER.name())
                .role(Role.FINANCE.name()).implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    UserDetailsService adminUserDetailsService(AdminUserProperties configured, AdminUsers stored) {
        return new AdminUserDetailsService(configured, stored);
    }

    @Bean
    SignInAudit signInAudit(AdminAudit audit, UserDetailsService users) {
        return new SignInAudit(audit, users);
    }
}
