package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountAdministration;
import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.domain.Platform;
import com.mallbatch.jobs.accounts.MallAccountEditing;
import com.mallbatch.jobs.accounts.MallAccountEditing.Entry;
import com.mallbatch.jobs.accounts.MallAccountEditing.StoredSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Optional;

import static com.mallbatch.admin.accounts.web.AccountsWebFixtures.ID;
import static com.mallbatch.admin.accounts.web.AccountsWebFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
 * Adding, editing, disabling accounts is ADMIN's, with the CSRF token; OPS and VIEWER get 403 and nothing is called.
 * A secret goes in and never comes out: neither the edit page nor a refused form shows it, typed or stored.
 */
@WebMvcTest(AccountFormController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class AccountFormControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountAdministration administration;
    @MockitoBean
    AccountQueries queries;
    @MockitoBean
    AdminUsers users;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void oneAccount() {
        when(queries.account(ID)).thenReturn(Optional.of(AccountsWebFixtures.details(false)));
        when(administration.storedSecrets(ID)).thenReturn(new StoredSecrets(true, true, false));
        when(administration.add(any(), anyString())).thenReturn(AccountsWebFixtures.account());
        when(administration.edit(anyLong(), any(), anyString())).thenReturn(AccountsWebFixtures.account());
        when(administration.setEnabled(anyLong(), eq(false), anyString())).thenReturn(AccountsWebFixtures.account());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/accounts/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(newAccount().with(csrf())).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(administration);
    }

    @Test
    void opsViewerAndFinanceCannotAddEditOrDisable() throws Exception {
        for (String role : List.of("VIEWER", "OPS", "FINANCE")) {
            var who = user("kim").roles(role);
            mvc.perform(get("/accounts/new").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/accounts/5/edit").with(who)).andExpect(status().isForbidden());
            mvc.perform(newAccount().with(who).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/5/edit").with(who).with(csrf()).param("tenantKey", "acme"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/accounts/5/enabled").with(who).with(csrf()).param("enabled", "false"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(administration);
    }

    @Test
    void withoutTheCsrfTokenNothingIsAdded() throws Exception {
        mvc.perform(newAccount().with(user("root").roles("ADMIN"))).andExpect(status().isForbidden());
        verifyNoInteractions(administration);
    }

    @Test
    void anAdminAddsAnAccountWithItsSecretsAndIsSentToIt() throws Exception {
        mvc.perform(newAccount().with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/accounts/5")).andExpect(flash().attribute("message", "accounts.added"));
        ArgumentCaptor<Entry> entry = ArgumentCaptor.forClass(Entry.class);
        verify(administration).add(entry.capture(), eq("root"));
        assertThat(entry.getValue().platform()).isEqualTo(Platform.CRAWL);
        assertThat(entry.getValue().crawlProfile()).isEqualTo("stylemarket");
        assertThat(entry.getValue().credentials().clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void aRefusedEntryIsShownOnItsFieldsWithoutEchoingTheSecret() throws Exception {
        when(administration.add(any(), anyString())).thenThrow(new MallAccountEditing.Refused("acme/CRAWL/x", List.of(
                new MallAccountEditing.Problem("baseUrl", "required", "is missing"),
                new MallAccountEditing.Problem("crawlProfile", "unusable", "No site profile 'nope'"))));
        String page = mvc.perform(newAccount().with(user("root").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(AccountFormController.VIEW_FORM))
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "baseUrl", "accounts.problem.required"))
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "crawlProfile", "accounts.problem.unusable"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("is required for this platform").contains("cannot be used: No site profile &#39;nope&#39;")
                .doesNotContain(SECRET);
    }

    @Test
    void theEditPageSaysWhichSecretsAreSetAndShowsNone() throws Exception {
        String page = mvc.perform(get("/accounts/5/edit").with(user("root").roles("ADMIN")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(AccountFormController.VIEW_FORM))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"stylemarket01\"").contains(">set<").contains(">not set<")
                .doesNotContain(SECRET).doesNotContainPattern("type=\"password\"[^>]*value=");
    }

    @Test
    void anEditWithAnEmptySecretPassesNoneAndRedirects() throws Exception {
        mvc.perform(post("/accounts/5/edit").with(user("root").roles("ADMIN")).with(csrf()).param("tenantKey", "acme")
                        .param("baseUrl", "http://127.0.0.1:9/sc").param("crawlProfile", "stylemarket")
                        .param("rateCapacity", "40").param("rateLeakPerSecond", "2").param("enabled", "true")
                        .param("clientSecret", ""))
                .andExpect(redirectedUrl("/accounts/5")).andExpect(flash().attribute("message", "accounts.saved"));
        ArgumentCaptor<Entry> entry = ArgumentCaptor.forClass(Entry.class);
        verify(administration).edit(eq(ID), entry.capture(), eq("root"));
        assertThat(entry.getValue().credentials().clientSecret()).isEmpty();
    }

    @Test
    void anAdminDisablesAnAccount() throws Exception {
        mvc.perform(post("/accounts/5/enabled").with(user("root").roles("ADMIN")).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/accounts/5")).andExpect(flash().attribute("message", "accounts.disabledNow"));
        verify(administration).setEnabled(ID, false, "root");
    }

    private static MockHttpServletRequestBuilder newAccount() {
        return post("/accounts/new").param("tenantKey", "acme").param("tenantName", "에이크미").param("platform", "CRAWL")
                .param("accountKey", "stylemarket01").param("baseUrl", "http://127.0.0.1:9/sc")
                .param("rateCapacity", "40").param("rateLeakPerSecond", "2").param("crawlProfile", "stylemarket")
                .param("enabled", "true").param("clientId", "seller01").param("clientSecret", SECRET);
    }
}
