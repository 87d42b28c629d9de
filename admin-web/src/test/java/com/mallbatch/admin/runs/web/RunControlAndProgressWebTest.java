package com.mallbatch.admin.runs.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.runs.AccountEvidence;
import com.mallbatch.admin.runs.RunDetails;
import com.mallbatch.admin.runs.RunProgressStreams;
import com.mallbatch.admin.runs.RunQueries;
import com.mallbatch.admin.runs.RunRestarts;
import com.mallbatch.jobs.launch.RunControl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Stop, abandon and live progress on the runs pages, with the real security configuration: only OPS (or ADMIN) may
 * stop or abandon, and only with the CSRF token; the buttons appear only for the statuses they apply to; a refusal is
 * one flash line; anyone signed in may watch a run's progress stream. Also the grid's tenant filter and the links to
 * the trends and the changes of a rerun.
 */
@WebMvcTest(controllers = {RunsController.class, RunControlController.class, RunProgressController.class})
@ContextConfiguration(classes = {WebSliceApplication.class, RunControlAndProgressWebTest.FixedClock.class})
class RunControlAndProgressWebTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneId.of("Asia/Seoul"));
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RunControl runControl;
    @MockitoBean
    RunProgressStreams streams;
    @MockitoBean
    RunQueries queries;
    @MockitoBean
    RunDetails details;
    @MockitoBean
    RunRestarts restarts;
    @MockitoBean
    AccountEvidence evidence;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void runs() {
        when(details.run(7)).thenReturn(Optional.of(run(7, BatchStatus.STARTED)));
        when(details.run(8)).thenReturn(Optional.of(run(8, BatchStatus.FAILED)));
        when(queries.jobNames()).thenReturn(List.of("collectJob"));
        when(queries.tenants()).thenReturn(List.of("acme", "beta"));
        when(streams.subscribe(anyLong(), any())).thenAnswer(invocation -> new SseEmitter());
        when(storedUsers.find(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(post("/runs/7/stop").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/runs/8/abandon").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/runs/7/progress")).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(runControl, streams);
    }

    @Test
    void viewerAndFinanceMayNeitherStopNorAbandonAndAreOfferedNeither() throws Exception {
        for (var who : List.of(user("lee").roles("VIEWER"), user("park").roles("FINANCE"))) {
            mvc.perform(post("/runs/7/stop").with(who).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/runs/8/abandon").with(who).with(csrf())).andExpect(status().isForbidden());
            assertThat(page("/runs/7", who)).doesNotContain("Stop this run").contains("sse-connect=\"/runs/7/progress\"");
            assertThat(page("/runs/8", who)).doesNotContain("Abandon this run");
        }
        verifyNoInteractions(runControl);
    }

    @Test
    void aPostWithoutCsrfStopsNothingEvenForOps() throws Exception {
        var ops = user("kim").roles("OPS");
        mvc.perform(post("/runs/7/stop").with(ops)).andExpect(status().isForbidden());
        mvc.perform(post("/runs/8/abandon").with(ops).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        verifyNoInteractions(runControl);
    }

    @Test
    void opsIsOfferedStopOnlyForARunningRunAndAbandonOnlyForAFailedOne() throws Exception {
        var ops = user("kim").roles("OPS");
        String running = page("/runs/7", ops);
        assertThat(running).contains("Stop this run").doesNotContain("Abandon this run")
                .contains("sse-connect=\"/runs/7/progress\"").contains("sse-swap=\"progress\"")
                .contains("hx-trigger=\"sse:ended\"").contains("sse-close=\"ended\"")
                .as("no polling: the stream updates the page").doesNotContain("every 2s");
        String failed = page("/runs/8", ops);
        assertThat(failed).contains("Abandon this run").doesNotContain("Stop this run").doesNotContain("sse-connect")
                .as("what the rerun changed, loaded once by its own endpoint")
                .contains("hx-get=\"/runs/8/changes\"").contains("hx-trigger=\"load\"");
    }

    @Test
    void opsStopsAndAbandonsWithTheirNameAndAdminMayToo() throws Exception {
        mvc.perform(post("/runs/7/stop").with(user("kim").roles("OPS")).with(csrf()))
                .andExpect(redirectedUrl("/runs/7")).andExpect(flash().attribute("message", "runs.stop.done"));
        verify(runControl).stop(7, "kim");
        mvc.perform(post("/runs/8/abandon").with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/runs/8")).andExpect(flash().attribute("message", "runs.abandon.done"));
        verify(runControl).abandon(8, "root");
    }

    @Test
    void aRefusalIsOneFlashLineSayingWhichRunAndWhy() throws Exception {
        when(runControl.stop(eq(8L), anyString())).thenThrow(new RunControl.Refused(
                "collectJob execution 8 is FAILED; only a [STARTING, STARTED] run can be stopped"));
        mvc.perform(post("/runs/8/stop").with(user("kim").roles("OPS")).with(csrf()))
                .andExpect(redirectedUrl("/runs/8"))
                .andExpect(flash().attribute("error", "runs.stop.refused"))
                .andExpect(flash().attribute("errorDetail", "collectJob execution 8 is FAILED; only a [STARTING, "
                        + "STARTED] run can be stopped"));
    }

    @Test
    void anyoneSignedInWatchesAStreamInTheirLanguageAndAnUnknownRunIsNotFound() throws Exception {
        mvc.perform(get("/runs/7/progress").with(user("lee").roles("VIEWER")).header("Accept-Language", "ko"))
                .andExpect(request().asyncStarted());
        verify(streams).subscribe(7, Locale.KOREAN);
        when(streams.subscribe(eq(99L), any())).thenThrow(new IllegalArgumentException("no execution 99"));
        mvc.perform(get("/runs/99/progress").with(user("lee").roles("VIEWER"))).andExpect(status().isNotFound());
    }

    @Test
    void theGridFiltersByTenantAndLinksToTheTrends() throws Exception {
        String grid = mvc.perform(get("/runs").param("job", "collectJob").param("tenant", "acme")
                        .with(user("lee").roles("VIEWER")))
                .andExpect(view().name("runs/grid")).andReturn().getResponse().getContentAsString();
        verify(queries).grid(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 11, 21),
                new RunQueries.GridFilter("collectJob", "acme"));
        assertThat(grid).contains("<label for=\"tenant\">Tenant</label>").contains("value=\"acme\" selected")
                .contains("href=\"/runs/trends\"");
        mvc.perform(get("/runs").with(user("lee").roles("VIEWER")));
        verify(queries).grid(any(), any(), eq(new RunQueries.GridFilter(null, null)));
    }

    private String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get(path).with(who).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static RunDetails.Run run(long id, BatchStatus status) {
        return new RunDetails.Run(id, 1, "collectJob", "businessDate=2026-11-20", status, status.name(), "",
                LocalDateTime.now(), status.isRunning() ? null : LocalDateTime.now(), List.of(), List.of(), true,
                status == BatchStatus.FAILED, null);
    }
}
