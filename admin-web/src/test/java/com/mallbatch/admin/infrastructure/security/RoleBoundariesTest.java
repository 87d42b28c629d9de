package com.mallbatch.admin.infrastructure.security;

import com.mallbatch.admin.breaks.BreakDecisionService;
import com.mallbatch.admin.breaks.BreakQueries;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.runs.AccountEvidence;
import com.mallbatch.admin.runs.RunDetails;
import com.mallbatch.admin.runs.RunQueries;
import com.mallbatch.admin.runs.RunProgressStreams;
import com.mallbatch.admin.runs.RunRestarts;
import com.mallbatch.jobs.launch.RunControl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The role boundaries of the runs and breaks pages and of signing in, with the real security configuration (each other
 * feature's controller has a test of its own beside it): anonymous → the login page; a role that
 * may not act gets 403 and nothing is called; a POST without the CSRF token fails; a hierarchy where ADMIN implies OPS
 * and OPS implies VIEWER; users and their bcrypt hashes from configuration, the hash never in a page.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "com\\.mallbatch\\.admin\\.(runs|breaks|infrastructure)\\.web\\..*"))
@ContextConfiguration(classes = {WebSliceApplication.class, RoleBoundariesTest.FixedClock.class})
class RoleBoundariesTest {

    static final String PASSWORD = "correct horse battery";
    static final String HASH = new BCryptPasswordEncoder().encode(PASSWORD);

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("mallbatch.admin.users[0].username", () -> "kim");
        registry.add("mallbatch.admin.users[0].password-hash", () -> HASH);
        registry.add("mallbatch.admin.users[0].roles", () -> "OPS");
    }

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
    RunQueries runQueries;
    @MockitoBean
    RunDetails runDetails;
    @MockitoBean
    RunRestarts restarts;
    @MockitoBean
    AccountEvidence evidence;
    @MockitoBean
    BreakQueries breakQueries;
    @MockitoBean
    BreakDecisionService decisions;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;
    @MockitoBean
    RunControl runControl;
    @MockitoBean
    RunProgressStreams progressStreams;

    @BeforeEach
    void aFailedRun() {
        when(runQueries.grid(any(), any(), any())).thenReturn(List.of());
        when(runQueries.jobNames()).thenReturn(List.of("collectJob"));
        RunDetails.AccountRow failed = new RunDetails.AccountRow(12, "acme/CAFE24/sandbox02", BatchStatus.FAILED,
                "collectProducts", 0, 0, 0, Duration.ofSeconds(3), "still failing after 9 attempts");
        when(runDetails.run(7)).thenReturn(Optional.of(new RunDetails.Run(7, 1, "collectJob",
                "businessDate=2026-11-20", BatchStatus.FAILED, "FAILED", "1 of 1 account(s) failed",
                LocalDateTime.now(), LocalDateTime.now(), List.of(), List.of(failed), true, true, null)));
        when(restarts.restartFailedAccounts(anyLong(), anyString())).thenReturn(Optional.of(8L));
        when(breakQueries.unresolved(any(), any())).thenReturn(List.of());
        when(storedUsers.find(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        for (String page : List.of("/", "/runs", "/runs/7", "/runs/7/restart", "/breaks")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/runs/7/restart").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(restarts, decisions);
    }

    @Test
    void anHtmxRequestOfASignedOutBrowserIsToldToReloadThePage() throws Exception {
        mvc.perform(get("/runs/7").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void signInsAndRefusalsAreAuditedWithoutWhatWasTypedAsAName() throws Exception {
        mvc.perform(formLogin("/login").user("kim").password(PASSWORD)).andExpect(authenticated());
        verify(audit).record("kim", "sign-in", "admin web", null, "succeeded");
        mvc.perform(formLogin("/login").user("kim").password("not it at all")).andExpect(unauthenticated());
        verify(audit).record("kim", "sign-in", "admin web", null, "refused: BadCredentialsException");
        mvc.perform(formLogin("/login").user(PASSWORD).password(PASSWORD)).andExpect(unauthenticated());
        verify(audit).record(eq("(unknown user)"), eq("sign-in"), eq("admin web"), eq(null), anyString());
        verify(audit, never()).record(eq(PASSWORD), anyString(), anyString(), any(), anyString());
    }

    @Test
    void theLoginPageAndTheWebjarsArePublic() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name("login"));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/admin.css")).andExpect(status().isOk());
    }

    @Test
    void aConfiguredUserSignsInWithTheBcryptHashAndAWrongPasswordDoesNot() throws Exception {
        mvc.perform(formLogin("/login").user("kim").password(PASSWORD))
                .andExpect(authenticated().withUsername("kim").withRoles("OPS")).andExpect(redirectedUrl("/runs"));
        MvcResult wrong = mvc.perform(formLogin("/login").user("kim").password("wrong password here"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error")).andReturn();
        assertThat(wrong.getResponse().getContentAsString()).doesNotContain("wrong password here");
        mvc.perform(formLogin("/login").user("nobody").password(PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void aLoginWithoutTheCsrfTokenFails() throws Exception {
        mvc.perform(post("/login").param("username", "kim").param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void aViewerSeesRunsAndBreaksButCannotRestartOrDecide() throws Exception {
        var viewer = user("lee").roles("VIEWER");
        mvc.perform(get("/runs").with(viewer)).andExpect(status().isOk()).andExpect(view().name("runs/grid"));
        String run = mvc.perform(get("/runs/7").with(viewer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(run).contains("acme/CAFE24/sandbox02").doesNotContain("/runs/7/restart");
        mvc.perform(get("/breaks").with(viewer)).andExpect(status().isOk());

        mvc.perform(get("/runs/7/restart").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/runs/7/restart").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/breaks/5/decision").with(viewer).with(csrf()).param("decision", "ACKNOWLEDGE"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(restarts, decisions);
    }

    @Test
    void financeCannotRestartOrDecideEither() throws Exception {
        var finance = user("park").roles("FINANCE");
        mvc.perform(get("/runs").with(finance)).andExpect(status().isOk());
        mvc.perform(post("/runs/7/restart").with(finance).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/breaks/5/decision").with(finance).with(csrf()).param("decision", "RESOLVE")
                .param("comment", "fixed")).andExpect(status().isForbidden());
        verifyNoInteractions(restarts, decisions);
    }

    @Test
    void opsRestartsAfterSeeingWhichAccountsWillRerun() throws Exception {
        var ops = user("kim").roles("OPS");
        String confirm = mvc.perform(get("/runs/7/restart").with(ops)).andExpect(status().isOk())
                .andExpect(view().name("runs/restart")).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("acme/CAFE24/sandbox02").contains("collectProducts");
        verifyNoInteractions(restarts);

        mvc.perform(post("/runs/7/restart").with(ops).with(csrf())).andExpect(redirectedUrl("/runs/8"));
        verify(restarts).restartFailedAccounts(7, "kim");
    }

    @Test
    void aPostWithoutCsrfChangesNothingEvenForOps() throws Exception {
        var ops = user("kim").roles("OPS");
        mvc.perform(post("/runs/7/restart").with(ops)).andExpect(status().isForbidden());
        mvc.perform(post("/breaks/5/decision").with(ops).param("decision", "ACKNOWLEDGE")).andExpect(status().isForbidden());
        mvc.perform(post("/runs/7/restart").with(ops).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        verifyNoInteractions(restarts, decisions);
    }

    @Test
    void opsDecidesABreakWithTheirNameAndAdminMayDoWhatOpsMay() throws Exception {
        mvc.perform(post("/breaks/5/decision").with(user("kim").roles("OPS")).with(csrf())
                        .param("decision", "ACCEPT").param("comment", "the mall rounds differently"))
                .andExpect(redirectedUrl("/breaks"));
        verify(decisions).decide(5, BreakDecisionService.Decision.ACCEPT, "the mall rounds differently", "kim");

        var admin = user("root").roles("ADMIN");
        mvc.perform(get("/runs").with(admin)).andExpect(status().isOk());
        mvc.perform(post("/runs/7/restart").with(admin).with(csrf())).andExpect(redirectedUrl("/runs/8"));
        verify(restarts).restartFailedAccounts(eq(7L), eq("root"));
        verify(restarts, never()).restartFailedAccounts(eq(7L), eq("lee"));
    }

    @Test
    void noPageRendersAPasswordHash() throws Exception {
        var ops = user("kim").roles("OPS");
        for (String page : List.of("/runs", "/runs/7", "/runs/7/restart", "/breaks")) {
            assertThat(mvc.perform(get(page).with(ops)).andReturn().getResponse().getContentAsString())
                    .doesNotContain(HASH).doesNotContain("$2a$").doesNotContain(PASSWORD);
        }
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .doesNotContain(HASH).doesNotContain(PASSWORD);
    }

    @Test
    void theBrowsersLanguageChoosesTheLabels() throws Exception {
        assertThat(mvc.perform(get("/login").header("Accept-Language", "ko-KR,ko;q=0.9")).andReturn().getResponse()
                .getContentAsString()).contains("로그인").contains("비밀번호");
        assertThat(mvc.perform(get("/login").header("Accept-Language", "en-US")).andReturn().getResponse()
                .getContentAsString()).contains("Sign in").contains("Password");
        assertThat(mvc.perform(get("/login").header("Accept-Language", "fr-FR")).andReturn().getResponse()
                .getContentAsString()).as("a language we do not have: English").contains("Sign in");
        String run = mvc.perform(get("/runs/7").with(user("kim").roles("OPS")).header("Accept-Language", "ko"))
                .andReturn().getResponse().getContentAsString();
        assertThat(run).contains("실행 내역").contains("실패한 계정 재실행").contains("도달 단계").contains("lang=\"ko\"")
                .as("htmx sends the CSRF token with its requests").contains("hx-headers=\"{&quot;X-CSRF-TOKEN&quot;: &quot;");
    }
}
