package com.mallbatch.admin.changes.web;

import com.mallbatch.admin.changes.RerunChanges;
import com.mallbatch.admin.changes.RerunChanges.Counts;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = ChangesController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class ChangesControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RerunChanges changes;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    static RerunChanges.Comparison aRestart() {
        return new RerunChanges.Comparison(12, 11, "collectJob", "2026-11-20", true, List.of(
                new RerunChanges.AccountChanges(3, "acme/CAFE24/sandbox02", List.of(
                        new RerunChanges.TableChanges("stock_levels", new Counts(0, 17, 4983L), new Counts(5000, 0, 0L)),
                        new RerunChanges.TableChanges("reconcile_results", new Counts(2, 0, null), new Counts(9, 0, null))))));
    }

    @Test
    void anonymousIsSentToTheLoginPageAndAnHtmxRequestIsToldToReload() throws Exception {
        mvc.perform(get("/runs/12/changes")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/runs/12/changes").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"));
        verifyNoInteractions(changes);
    }

    @Test
    void aSignedInUserWithoutARoleIsRefused() throws Exception {
        mvc.perform(get("/runs/12/changes").with(user("nobody").roles())).andExpect(status().isForbidden());
        verifyNoInteractions(changes);
    }

    @Test
    void aViewerGetsTheFragmentForHtmxAndThePageOtherwise() throws Exception {
        when(changes.compare(12)).thenReturn(Optional.of(aRestart()));
        String fragment = mvc.perform(get("/runs/12/changes").header("HX-Request", "true").with(user("lee").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(view().name(ChangesController.VIEW_FRAGMENT))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("acme/CAFE24/sandbox02", "stock_levels", ">17<", ">5000<",
                "A restart of execution #11 (business date 2026-11-20).", "reconcile_results", ">–<",
                "Reconcile tables are append-only").doesNotContain("<html");

        String page = mvc.perform(get("/runs/12/changes").with(user("lee").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(view().name(ChangesController.VIEW_PAGE))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "What run #12 changed", "acme/CAFE24/sandbox02");
    }

    @Test
    void withoutAPreviousExecutionTheFragmentIsEmptyAndThePageSaysSo() throws Exception {
        when(changes.compare(12)).thenReturn(Optional.empty());
        String fragment = mvc.perform(get("/runs/12/changes").header("HX-Request", "true").with(user("lee").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).isBlank();
        assertThat(mvc.perform(get("/runs/12/changes").with(user("lee").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString()).contains("No earlier execution of this job and business date");
    }
}
