package com.mallbatch.admin.trends.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.FixedSeoulClock;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.admin.trends.TrendQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = TrendsController.class)
@ContextConfiguration(classes = {WebSliceApplication.class, FixedSeoulClock.class})
class TrendsControllerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TrendQueries queries;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/runs/trends")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/runs/trends").with(user("nobody").roles())).andExpect(status().isForbidden());
        verifyNoInteractions(queries);
    }

    @Test
    void aViewerSeesDurationsPerJobAndRowsPerPlatform() throws Exception {
        when(queries.durationMinutes(TODAY.minusDays(29), TODAY)).thenReturn(List.of(new LineChart.Series("collectJob",
                List.of(new LineChart.Point(TODAY.minusDays(1), 12.5), new LineChart.Point(TODAY.minusDays(2), 9)))));
        when(queries.rowsWritten(TODAY.minusDays(29), TODAY, null)).thenReturn(List.of(new LineChart.Series("CAFE24",
                List.of(new LineChart.Point(TODAY.minusDays(1), 12_345)))));
        when(queries.tenants()).thenReturn(List.of("acme"));
        String page = mvc.perform(get("/runs/trends").with(user("lee").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(view().name(TrendsController.VIEW_TRENDS)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("aria-label=\"Run duration per night and job, last 30 days\"",
                "collectJob 2026-11-20: 12.5 min", "CAFE24 2026-11-20: 12,345", "12,345", "<option value=\"acme\"");
    }

    @Test
    void oneSellersMallsWhenFiltered() throws Exception {
        when(queries.rowsWritten(any(), any(), eq("acme"))).thenReturn(List.of());
        String page = mvc.perform(get("/runs/trends").param("tenant", "acme").with(user("lee").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Rows collected per mall of acme and day", "Nothing ran in these 30 days");
        verify(queries).rowsWritten(TODAY.minusDays(29), TODAY, "acme");
    }

    @Test
    void aBlankFilterMeansEverySeller() throws Exception {
        mvc.perform(get("/runs/trends").param("tenant", "").with(user("lee").roles("VIEWER"))).andExpect(status().isOk());
        verify(queries).rowsWritten(eq(TODAY.minusDays(29)), eq(TODAY), isNull());
    }
}
