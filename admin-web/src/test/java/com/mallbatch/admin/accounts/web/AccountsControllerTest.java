package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountOperations;
import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.admin.accounts.AccountQueries.HealthState;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.domain.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Optional;

import static com.mallbatch.admin.accounts.web.AccountsWebFixtures.ID;
import static com.mallbatch.admin.accounts.web.AccountsWebFixtures.LABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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
 * The accounts list and page with the real security configuration: anyone signed in reads them; only OPS (or ADMIN)
 * pauses and resumes, with the CSRF token; a refusal is shown as the use case worded it.
 */
@WebMvcTest(AccountsController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class AccountsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountQueries queries;
    @MockitoBean
    AccountOperations operations;
    @MockitoBean
    AdminUsers users;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void oneAccount() {
        when(queries.list(any(), any(), any())).thenReturn(List.of(AccountsWebFixtures.details(true).summary()));
        when(queries.tenants()).thenReturn(List.of("acme"));
        when(queries.account(ID)).thenReturn(Optional.of(AccountsWebFixtures.details(true)));
        when(operations.pause(anyLong(), anyString(), anyString())).thenReturn(AccountsWebFixtures.account());
        when(operations.resume(anyLong(), anyString())).thenReturn(AccountsWebFixtures.account());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/accounts")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/accounts/5")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/accounts/5/pause").with(csrf()).param("reason", "x")).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(operations);
    }

    @Test
    void aViewerReadsTheListFilteredAndTheAccountButIsOfferedNoPause() throws Exception {
        var viewer = user("lee").roles("VIEWER");
        String list = mvc.perform(get("/accounts").with(viewer).param("tenant", "acme").param("platform", "CRAWL")
                        .param("health", "PAUSED").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(AccountsController.VIEW_LIST))
                .andExpect(model().attribute("health", HealthState.PAUSED))
                .andReturn().getResponse().getContentAsString();
        verify(queries).list("acme", Platform.CRAWL, HealthState.PAUSED);
        assertThat(list).contains(LABEL).contains("Paused").contains("paused by kim: site moved").contains("3 day(s)")
                .contains("href=\"/runs/41\"");

        String page = mvc.perform(get("/accounts/5").with(viewer).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(AccountsController.VIEW_ACCOUNT))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("login did not land").contains("HTTP 503").contains("href=\"/runs/41\"")
                .doesNotContain("/accounts/5/resume").doesNotContain("/accounts/5/pause")
                .doesNotContain("/accounts/5/edit").doesNotContain("/accounts/5/profile");
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        mvc.perform(get("/accounts/99").with(user("lee").roles("VIEWER"))).andExpect(status().isNotFound());
    }

    @Test
    void aViewerOrFinanceCannotPauseOrResume() throws Exception {
        for (String role : List.of("VIEWER", "FINANCE")) {
            var who = user("lee").roles(role);
            mvc.perform(post("/accounts/5/pause").with(who).with(csrf()).param("reason", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/accounts/5/resume").with(who).with(csrf())).andExpect(status().isForbidden());
        }
        verifyNoInteractions(operations);
    }

    @Test
    void withoutTheCsrfTokenNothingIsPaused() throws Exception {
        mvc.perform(post("/accounts/5/pause").with(user("kim").roles("OPS")).param("reason", "x"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(operations);
    }

    @Test
    void opsPausesWithAReasonAndResumes() throws Exception {
        var ops = user("kim").roles("OPS");
        String page = mvc.perform(get("/accounts/5").with(ops).header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("aria-label=\"Resume " + LABEL + "\"").doesNotContain("/accounts/5/edit");

        mvc.perform(post("/accounts/5/pause").with(ops).with(csrf()).param("reason", "site moved"))
                .andExpect(redirectedUrl("/accounts/5")).andExpect(flash().attribute("message", "accounts.paused"));
        verify(operations).pause(ID, "site moved", "kim");
        mvc.perform(post("/accounts/5/resume").with(ops).with(csrf()))
                .andExpect(redirectedUrl("/accounts/5")).andExpect(flash().attribute("message", "accounts.resumed"));
        verify(operations).resume(ID, "kim");
    }

    @Test
    void aRefusedPauseIsShownInTheUseCasesWords() throws Exception {
        when(operations.pause(ID, " ", "kim")).thenThrow(new IllegalArgumentException("say why " + LABEL + " is paused"));
        mvc.perform(post("/accounts/5/pause").with(user("kim").roles("OPS")).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/accounts/5"))
                .andExpect(flash().attribute("error", "accounts.pause.refused"))
                .andExpect(flash().attribute("errorDetail", "say why " + LABEL + " is paused"));
    }
}
