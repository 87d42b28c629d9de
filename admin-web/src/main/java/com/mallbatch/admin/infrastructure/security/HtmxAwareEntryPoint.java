package com.mallbatch.admin.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.io.IOException;

/**
 * A signed-out browser goes to the login page; an htmx request (a running run's page refreshing itself after the
 * session expired) gets 401 with {@code HX-Refresh: true}, so htmx reloads the whole page, which then goes to the
 * login page, instead of swapping the login form into the run's page.
 */
final class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint login;

    HtmxAwareEntryPoint(String loginPage) {
        this.login = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Refresh", "true");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        login.commence(request, response, failure);
    }
}
