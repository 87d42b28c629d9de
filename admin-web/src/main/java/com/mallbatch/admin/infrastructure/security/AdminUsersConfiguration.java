package com.mallbatch.admin.infrastructure.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users and how their passwords are hashed, for the web's login and the {@code create-user} command alike — so
 * also in a process that serves no web (the command runs without one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminUserProperties.class)
public class AdminUsersConfiguration {

    @Bean
    static PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
