package com.mallbatch.admin.users.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.security.Role;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.users.UserAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The users and audit pages are ADMIN's alone: anyone else gets 403 and nothing is created or changed; a new user's
 * password is validated, handed to the use case once and never written back into the page.
 */
@WebMvcTest(controllers = UsersController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class UsersControllerTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    UserAdministration users;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void someUsers() {
        when(users.all()).thenReturn(List.of(new UserAdministration.User("root", "ADMIN", true, true, null, null)));
    }

    @Test
    void onlyAnAdminSeesOrChangesUsers() throws Exception {
        mvc.perform(get("/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        for (String role : List.of("VIEWER", "OPS", "FINANCE")) {
            mvc.perform(get("/users").with(user("kim").roles(role))).andExpect(status().isForbidden());
            mvc.perform(get("/audit").with(user("kim").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post("/users").with(user("kim").roles(role)).with(csrf()).param("username", "lee")
                    .param("password", PASSWORD).param("roles", "ADMIN")).andExpect(status().isForbidden());
            mvc.perform(post("/users/lee/enabled").with(user("kim").roles(role)).with(csrf()).param("enabled", "false"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/users").with(user("root").roles("ADMIN")).param("username", "lee")
                .param("password", PASSWORD).param("roles", "ADMIN")).andExpect(status().isForbidden());
        verifyNoInteractions(storedUsers);
        verify(users, org.mockito.Mockito.never()).create(anyString(), anyString(), org.mockito.ArgumentMatchers.any(),
                anyString());
        verify(users, org.mockito.Mockito.never()).setEnabled(anyString(), org.mockito.ArgumentMatchers.anyBoolean(),
                anyString());
    }

    @Test
    void anAdminCreatesAUserAndThePasswordGoesOnlyToTheUseCase() throws Exception {
        mvc.perform(get("/users").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(view().name(UsersController.VIEW_USERS));
        mvc.perform(post("/users").with(user("root").roles("ADMIN")).with(csrf()).param("username", "lee")
                        .param("password", PASSWORD).param("roles", "OPS", "FINANCE"))
                .andExpect(redirectedUrl("/users")).andExpect(flash().attribute("message", "users.created"));
        verify(users).create("lee", PASSWORD, Set.of(Role.OPS, Role.FINANCE), "root");
    }

    @Test
    void aShortPasswordOrNoRoleIsShownOnTheFormWhichDoesNotRepeatThePassword() throws Exception {
        String page = mvc.perform(post("/users").with(user("root").roles("ADMIN")).with(csrf()).param("username", "lee")
                        .param("password", "short pass"))
                .andExpect(status().isOk()).andExpect(view().name(UsersController.VIEW_USERS))
                .andExpect(model().attributeHasFieldErrors("form", "password", "roles"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("At least 12 characters").contains("Choose at least one role")
                .doesNotContain("short pass");
        verifyNoInteractions(storedUsers);
    }

    @Test
    void aRefusalOfTheUseCaseIsOneLineOnTheForm() throws Exception {
        doThrow(new IllegalArgumentException("a user named 'lee' already exists")).when(users)
                .create("lee", PASSWORD, Set.of(Role.VIEWER), "root");
        String page = mvc.perform(post("/users").with(user("root").roles("ADMIN")).with(csrf()).param("username", "lee")
                        .param("password", PASSWORD).param("roles", "VIEWER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not created: a user named &#39;lee&#39; already exists").doesNotContain(PASSWORD);
    }

    @Test
    void anAdminDisablesAStoredUserAndAConfiguredOneIsRefused() throws Exception {
        mvc.perform(post("/users/lee/enabled").with(user("root").roles("ADMIN")).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/users")).andExpect(flash().attribute("message", "users.disabled"));
        verify(users).setEnabled("lee", false, "root");
        doThrow(new IllegalArgumentException("'root' is given in configuration; change it there")).when(users)
                .setEnabled("root", false, "root");
        mvc.perform(post("/users/root/enabled").with(user("root").roles("ADMIN")).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/users")).andExpect(flash().attribute("error", "users.change.refused"));
    }

    @Test
    void theAuditPageFiltersByUserAndAction() throws Exception {
        mvc.perform(get("/audit").with(user("root").roles("ADMIN")).param("user", "kim").param("action", "sign-in"))
                .andExpect(status().isOk()).andExpect(view().name(UsersController.VIEW_AUDIT));
        verify(audit).newest("kim", "sign-in", UsersController.AUDIT_LINES);
    }
}
