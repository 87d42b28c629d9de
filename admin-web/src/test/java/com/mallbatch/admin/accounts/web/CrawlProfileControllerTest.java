package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.CrawlProfileAdministration;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.domain.port.CrawlProfileTrial.DryRun;
import com.mallbatch.domain.port.CrawlProfileTrial.Row;
import com.mallbatch.jobs.accounts.CrawlProfileEditing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static com.mallbatch.admin.accounts.web.AccountsWebFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
 * Crawl profiles are ADMIN's: OPS and VIEWER get 403 and nothing is called; a refused profile is shown a line per
 * problem with the YAML as typed; a dry run shows the rows it read and each field it could not.
 */
@WebMvcTest(CrawlProfileController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class CrawlProfileControllerTest {

    static final String YAML = "name: stylemarket\nformat: html\n";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CrawlProfileAdministration profiles;
    @MockitoBean
    AdminUsers users;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void aCrawledAccount() {
        when(profiles.profile(ID)).thenReturn(new CrawlProfileAdministration.Profile(AccountsWebFixtures.account(),
                "stylemarket", YAML));
    }

    @Test
    void opsAndViewerCannotSeeSaveOrDryRunAProfile() throws Exception {
        for (String role : List.of("VIEWER", "OPS", "FINANCE")) {
            var who = user("kim").roles(role);
            mvc.perform(get("/accounts/5/profile").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/5/profile").with(who).with(csrf()).param("action", "save").param("yaml", YAML))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/accounts/5/profile").with(who).with(csrf()).param("action", "dryRun").param("yaml", YAML))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(profiles);
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/accounts/5/profile").with(user("root").roles("ADMIN")).param("action", "save")
                .param("yaml", YAML)).andExpect(status().isForbidden());
        verifyNoInteractions(profiles);
    }

    @Test
    void anAdminSeesTheProfileAndSavesIt() throws Exception {
        var admin = user("root").roles("ADMIN");
        String page = mvc.perform(get("/accounts/5/profile").with(admin)).andExpect(status().isOk())
                .andExpect(view().name(CrawlProfileController.VIEW_PROFILE)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name: stylemarket");

        mvc.perform(post("/accounts/5/profile").with(admin).with(csrf()).param("action", "save").param("yaml", YAML))
                .andExpect(redirectedUrl("/accounts/5/profile"))
                .andExpect(flash().attribute("message", "accounts.profile.saved"));
        verify(profiles).save(ID, YAML, "root");
    }

    @Test
    void aRefusedProfileIsShownALinePerProblemWithTheYamlAsTyped() throws Exception {
        String typed = "name: stylemarket\nproducts: {list: {rows: \"tr[\"}}\n";
        doThrow(new CrawlProfileEditing.Refused("stylemarket", List.of(
                "stylemarket.yml: products.list.rows: selector 'tr[' does not compile: bad",
                "stylemarket.yml: login.form: selector '##' does not compile: bad")))
                .when(profiles).save(eq(ID), eq(typed), anyString());
        String page = mvc.perform(post("/accounts/5/profile").with(user("root").roles("ADMIN")).with(csrf())
                        .param("action", "save").param("yaml", typed))
                .andExpect(status().isOk()).andExpect(view().name(CrawlProfileController.VIEW_PROFILE))
                .andExpect(model().attribute("yaml", typed))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<li>stylemarket.yml: products.list.rows: selector &#39;tr[&#39; does not compile: bad</li>")
                .contains("<li>stylemarket.yml: login.form: selector &#39;##&#39; does not compile: bad</li>");
    }

    @Test
    void aDryRunShowsTheRowsAndEachFieldItCouldNotRead() throws Exception {
        when(profiles.dryRun(ID, YAML, "root")).thenReturn(new DryRun("http://127.0.0.1:9/sc/products?page=1",
                List.of("productNo", "price"), List.of(new Row(Map.of("productNo", "1001"),
                Map.of("price", "'12,000원': not an integer"))), 20, null));
        String page = mvc.perform(post("/accounts/5/profile").with(user("root").roles("ADMIN")).with(csrf())
                        .param("action", "dryRun").param("yaml", YAML).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(CrawlProfileController.VIEW_PROFILE))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 of the 20 row(s) on the page").contains("<td>1001</td>")
                .contains("not an integer");
    }
}
