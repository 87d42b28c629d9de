package com.mallbatch.admin.launch.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.launch.Backfills;
import com.mallbatch.admin.launch.LaunchOptions;
import com.mallbatch.admin.launch.StartedBackfill;
import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.launch.Backfill;
import com.mallbatch.jobs.launch.BackfillProgress;
import com.mallbatch.jobs.launch.BackfillProperties;
import com.mallbatch.jobs.launch.BackfillRefusedException;
import com.mallbatch.jobs.launch.LaunchProblem;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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
 * The launch form with the real security configuration: anonymous → login; everyone reads the form (a VIEWER's is
 * disabled and has no button), only OPS submits it; a forbidden or token-less POST starts nothing; each problem the
 * use case finds is shown on its field with its code, one line each; a launch redirects to its status page.
 */
@WebMvcTest(LaunchController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class LaunchControllerTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    LaunchOptions options;
    @MockitoBean
    Backfills backfills;
    @MockitoBean
    AdminUsers users;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void options() {
        when(options.jobs()).thenReturn(List.of("collectJob", "reconcileJob"));
        when(options.tenants()).thenReturn(List.of("acme"));
        when(options.accounts()).thenReturn(List.of("acme/CAFE24/one", "acme/CAFE24/two"));
        when(options.limits()).thenReturn(new BackfillProperties(31, 2, 4, 2));
        when(backfills.recent()).thenReturn(List.of());
        when(users.find(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/launch")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/launch/backfills/1")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/launch").with(csrf()).param("job", "collectJob").param("from", DAY.toString()))
                .andExpect(redirectedUrl("/login"));
        verify(backfills, never()).start(any(), anyString());
    }

    @Test
    void aViewerSeesTheFormReadOnlyAndCannotLaunch() throws Exception {
        String page = mvc.perform(get("/launch").with(user("lee").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(view().name(LaunchController.VIEW_FORM)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<fieldset disabled=\"disabled\">").doesNotContain("aria-label=\"Launch\"")
                .contains("launching needs the OPS role").contains("acme/CAFE24/two");

        for (String role : List.of("VIEWER", "FINANCE")) {
            mvc.perform(post("/launch").with(user("lee").roles(role)).with(csrf()).param("job", "collectJob")
                    .param("from", DAY.toString())).andExpect(status().isForbidden());
        }
        verify(backfills, never()).start(any(), anyString());
    }

    @Test
    void opsSeesTheButtonAndAPostWithoutTheCsrfTokenStartsNothing() throws Exception {
        String page = mvc.perform(get("/launch").with(user("kim").roles("OPS"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("aria-label=\"Launch\"").doesNotContain("disabled=\"disabled\"");
        mvc.perform(post("/launch").with(user("kim").roles("OPS")).param("job", "collectJob")
                .param("from", DAY.toString())).andExpect(status().isForbidden());
        verify(backfills, never()).start(any(), anyString());
    }

    @Test
    void opsLaunchesARangeAndIsSentToItsStatusPage() throws Exception {
        Backfill.Plan plan = new Backfill.Plan("collectJob", List.of(DAY.minusDays(1), DAY),
                AccountSelection.of("acme", List.of("acme/CAFE24/two")), 2);
        when(backfills.start(any(), anyString())).thenReturn(new StartedBackfill(5, plan,
                new BackfillProgress(plan.dates()), "kim", Instant.now()));

        mvc.perform(post("/launch").with(user("kim").roles("OPS")).with(csrf()).param("job", "collectJob")
                        .param("from", DAY.minusDays(1).toString()).param("to", DAY.toString()).param("concurrency", "2")
                        .param("tenant", "acme").param("accounts", "acme/CAFE24/two"))
                .andExpect(redirectedUrl("/launch/backfills/5")).andExpect(flash().attribute("message", "launch.started"));

        ArgumentCaptor<Backfill.Request> asked = ArgumentCaptor.forClass(Backfill.Request.class);
        verify(backfills).start(asked.capture(), org.mockito.ArgumentMatchers.eq("kim"));
        assertThat(asked.getValue()).isEqualTo(new Backfill.Request("collectJob", DAY.minusDays(1), DAY,
                AccountSelection.of("acme", List.of("acme/CAFE24/two")), 2));
    }

    @Test
    void eachProblemIsShownOnItsFieldWithItsCodeOneLineEach() throws Exception {
        when(backfills.start(any(), anyString())).thenThrow(new BackfillRefusedException(List.of(
                LaunchProblem.of("to", "to.beforeFrom", "the last date is before the first", "2026-11-18", "2026-11-20"),
                LaunchProblem.of("tenant", "tenant.unknown", "no such tenant", "gamma"),
                LaunchProblem.of(null, "date.completed", "done already", "collectJob", "2026-11-19"))));

        String page = mvc.perform(post("/launch").with(user("kim").roles("OPS")).with(csrf())
                        .header("Accept-Language", "en").param("job", "collectJob").param("from", "2026-11-20")
                        .param("to", "2026-11-18").param("tenant", "gamma"))
                .andExpect(status().isOk()).andExpect(view().name(LaunchController.VIEW_FORM))
                .andExpect(model().attributeHasFieldErrorCode("launchForm", "to", "launch.error.to.beforeFrom"))
                .andExpect(model().attributeHasFieldErrorCode("launchForm", "tenant", "launch.error.tenant.unknown"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p role=\"alert\">The last date 2026-11-18 is before the first date 2026-11-20.</p>")
                .contains("<p role=\"alert\">Tenant &#39;gamma&#39; has no enabled account.</p>")
                .contains("<p>collectJob already completed for 2026-11-19; leave that date out (nothing was started).</p>");
    }

    @Test
    void aDateThatIsNotOneIsRefusedBeforeTheUseCaseIsAsked() throws Exception {
        mvc.perform(post("/launch").with(user("kim").roles("OPS")).with(csrf()).header("Accept-Language", "ko")
                        .param("job", "collectJob").param("from", "20-11-2026"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("launchForm", "from", "launch.error.typeMismatch"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("영업일은 2026-11-20 같은 날짜여야 합니다.")));
        verify(backfills, never()).start(any(), anyString());
    }

    @Test
    void aRefusalThatIsNoFieldsFaultIsOneLineAboveTheForm() throws Exception {
        when(backfills.start(any(), anyString())).thenThrow(new LaunchRefusedException("2 backfill(s) are running already"));
        mvc.perform(post("/launch").with(user("kim").roles("OPS")).with(csrf()).param("job", "collectJob")
                        .param("from", DAY.toString()))
                .andExpect(status().isOk()).andExpect(model().attribute("error", "launch.refused"))
                .andExpect(model().attribute("errorDetail", "2 backfill(s) are running already"));
    }

    @Test
    void aViewerFollowsABackfillAndAnUnknownOneIsNotFound() throws Exception {
        Backfill.Plan plan = new Backfill.Plan("collectJob", List.of(DAY.minusDays(1), DAY), AccountSelection.ALL, 1);
        when(backfills.find(5)).thenReturn(Optional.of(new StartedBackfill(5, plan, new BackfillProgress(plan.dates()),
                "kim", Instant.now())));
        String page = mvc.perform(get("/launch/backfills/5").with(user("lee").roles("VIEWER")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(LaunchController.VIEW_BACKFILL))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2026-11-19").contains("waiting").contains("hx-trigger=\"every 2s\"");
        mvc.perform(get("/launch/backfills/6").with(user("lee").roles("VIEWER"))).andExpect(status().isNotFound());
    }
}
