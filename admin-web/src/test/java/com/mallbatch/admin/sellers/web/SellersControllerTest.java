package com.mallbatch.admin.sellers.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.FixedSeoulClock;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.admin.sellers.SellerQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = SellersController.class)
@ContextConfiguration(classes = {WebSliceApplication.class, FixedSeoulClock.class})
class SellersControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SellerQueries queries;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        for (String page : List.of("/sellers", "/sellers/acme")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(page).with(user("nobody").roles())).andExpect(status().isForbidden());
        }
        verifyNoInteractions(queries);
    }

    @Test
    void aViewerSeesTheSellersWithTheirRatesAndBreaks() throws Exception {
        when(queries.sellers()).thenReturn(List.of(new SellerQueries.Seller("acme", "에이크미 상사", 3, 97.26, null, 2)));
        String page = mvc.perform(get("/sellers").with(user("lee").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(view().name(SellersController.VIEW_LIST)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("에이크미 상사 (acme)", "97.3%", "–", "/sellers/acme", "acme");
    }

    @Test
    void aViewerSeesASellersRatesOverTheLast30DaysAsCharts() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 21);
        when(queries.history("acme", today.minusDays(29), today)).thenReturn(Optional.of(new SellerQueries.History(
                "acme", "에이크미 상사", List.of(new LineChart.Point(today.minusDays(1), 96.5)), List.of())));
        String page = mvc.perform(get("/sellers/acme").with(user("lee").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(view().name(SellersController.VIEW_SELLER)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "role=\"img\"", "aria-label=\"Stock match of 에이크미 상사, last 30 days\"",
                "에이크미 상사 2026-11-20: 96.5%", "No reconcile results in these 30 days");
        verify(queries).history("acme", today.minusDays(29), today);
    }

    @Test
    void anUnknownSellerIsNotFound() throws Exception {
        when(queries.history(anyString(), any(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/sellers/nobody").with(user("lee").roles("VIEWER"))).andExpect(status().isNotFound());
    }

    @Test
    void koreanLabelsForAKoreanBrowser() throws Exception {
        when(queries.history(anyString(), any(), any())).thenReturn(Optional.of(new SellerQueries.History(
                "acme", "에이크미 상사", List.of(), List.of())));
        assertThat(mvc.perform(get("/sellers/acme").header("Accept-Language", "ko").with(user("lee").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString()).contains("에이크미 상사의 재고 일치율, 최근 30일");
    }
}
