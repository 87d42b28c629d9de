package com.mallbatch.admin.schedules.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.schedules.CronRow;
import com.mallbatch.admin.schedules.ScheduleQueries;
import com.mallbatch.scheduling.ScheduleCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The schedules page with the real security configuration: anonymous → login, any role reads it, nothing to post. */
@WebMvcTest(SchedulesController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class SchedulesControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ScheduleQueries queries;
    @MockitoBean
    AdminUsers users;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void aScheduleWithOneHeldLock() {
        ScheduleCatalog catalog = new ScheduleCatalog(new MockEnvironment()
                .withProperty("mallbatch.schedule.collect-cron", "0 45 1 * * *"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneId.of("UTC"));
        when(queries.catalog()).thenReturn(catalog);
        when(queries.crons()).thenReturn(List.of(
                CronRow.of(catalog.crons().get(0), clock, Optional.of(new CronRow.LastLaunch(
                        LocalDateTime.of(2026, 11, 21, 1, 45, 2), 41L, "businessDate=2026-11-20", "started"))),
                CronRow.of(catalog.crons().get(1), clock, Optional.empty())));
        when(queries.locks()).thenReturn(List.of(new ScheduleQueries.LockRow("collectJob", "node-a",
                LocalDateTime.of(2026, 11, 20, 16, 45), LocalDateTime.of(2026, 11, 20, 16, 55), true)));
        when(users.find(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/schedules")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void everyRoleReadsEachCronAndWhoHoldsEachLock() throws Exception {
        for (String role : List.of("VIEWER", "FINANCE", "OPS")) {
            String page = mvc.perform(get("/schedules").with(user("lee").roles(role)).header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andExpect(view().name(SchedulesController.VIEW_LIST))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("0 45 1 * * *").contains("2026-11-22 01:45:00 +09:00")
                    .contains("2026-11-21 01:45:02 (database time): collectJob businessDate=2026-11-20, started")
                    .contains("href=\"/runs/41\"").contains("0 15 6 * * *").contains("2026-11-21 06:15:00 +09:00")
                    .contains("The scheduler has not launched reconcileJob yet.")
                    .contains("node-a").contains("2026-11-20 16:55:00.000").contains("<td>yes</td>");
        }
    }

    @Test
    void thereIsNothingToPost() throws Exception {
        mvc.perform(post("/schedules").with(user("kim").roles("OPS"))).andExpect(status().isForbidden());
        mvc.perform(post("/schedules").with(user("kim").roles("OPS")).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }
}
