package com.mallbatch.admin.settlements.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.admin.settlements.SettlementActions;
import com.mallbatch.admin.settlements.SettlementQueries;
import com.mallbatch.domain.Money;
import com.mallbatch.jobs.settlement.SettlementConfirmation;
import com.mallbatch.writers.mysql.JdbcErpPostings;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The settlements pages with the real security configuration: anyone signed in reads them; only FINANCE (and ADMIN
 * above it) confirms and downloads — VIEWER and OPS get 403 with the use case never called, and so does a POST without
 * the CSRF token.
 */
@WebMvcTest(controllers = SettlementsController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class SettlementsControllerTest {

    static final Snapshot DRAFT = snapshot(5, 2, "DRAFT", null);
    static final Snapshot CONFIRMED = snapshot(9, 2, "CONFIRMED", "fin");
    static final Snapshot FIRST = snapshot(4, 1, "SUPERSEDED", "fin");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SettlementQueries queries;
    @MockitoBean
    SettlementActions actions;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;
    @TempDir
    Path exports;

    @BeforeEach
    void aDraftAndTheVersionBefore() {
        when(queries.periods()).thenReturn(List.of("2026-10"));
        when(queries.ofPeriod("2026-10")).thenReturn(List.of(new SettlementQueries.AccountSettlement(
                DRAFT.accountLabel(), DRAFT, FIRST, 2)));
        when(queries.snapshot(5)).thenReturn(Optional.of(DRAFT));
        when(queries.lines(any(), anyInt())).thenReturn(new SettlementQueries.LinePage(List.of(), 1, 1, 0));
        when(queries.changes(DRAFT)).thenReturn(Optional.empty());
        when(queries.versions(DRAFT)).thenReturn(List.of(new SettlementQueries.Version(DRAFT, null, null),
                new SettlementQueries.Version(FIRST, new JdbcErpPostings.Posting(1, 4, JdbcErpPostings.Kind.DOCUMENT,
                        "k", "ACKED", "DOC-1", null, 1, null), null)));
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        for (String page : List.of("/settlements", "/settlements/5", "/settlements/4/workbook")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/settlements/5/confirm").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(actions);
    }

    @Test
    void aViewerReadsTheSettlementsAndIsOfferedNeitherConfirmNorDownload() throws Exception {
        mvc.perform(get("/settlements").with(as("VIEWER"))).andExpect(status().isOk())
                .andExpect(view().name(SettlementsController.VIEW_LIST)).andExpect(model().attribute("period", "2026-10"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("acme/CAFE24/sandbox01")));
        String page = mvc.perform(get("/settlements/5").with(as("VIEWER")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(view().name(SettlementsController.VIEW_DETAIL))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Settlement of acme/CAFE24/sandbox01 for 2026-10, v2").contains("DOC-1")
                .doesNotContain("Confirm v2").doesNotContain("/settlements/4/workbook");
        String finance = mvc.perform(get("/settlements/5").with(as("FINANCE")).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(finance).contains("Confirm v2").contains("/settlements/4/workbook");
    }

    @Test
    void viewerAndOpsMayNeitherConfirmNorDownload() throws Exception {
        for (String role : List.of("VIEWER", "OPS")) {
            mvc.perform(post("/settlements/5/confirm").param("comment", "looks right").with(as(role)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/settlements/4/workbook").with(as(role))).andExpect(status().isForbidden());
        }
        verifyNoInteractions(actions);
    }

    @Test
    void aConfirmWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/settlements/5/confirm").with(as("FINANCE"))).andExpect(status().isForbidden());
        verifyNoInteractions(actions);
    }

    @Test
    void financeConfirmsTheDraftAndIsShownTheVersionThatNowStands() throws Exception {
        when(actions.confirm(5, "looks right", "fin")).thenReturn(new SettlementConfirmation.Result(CONFIRMED, true,
                FIRST, exports.resolve("x.xlsx"), List.of()));
        mvc.perform(post("/settlements/5/confirm").param("comment", "looks right").with(as("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/settlements/9"))
                .andExpect(flash().attribute("message", "settlements.confirm.done"))
                .andExpect(flash().attributeCount(2));
        verify(actions).confirm(5, "looks right", "fin");
    }

    @Test
    void anAdminMayConfirmTooAndAnErpFailureIsShownBesideTheConfirmation() throws Exception {
        when(actions.confirm(anyLong(), any(), any())).thenReturn(new SettlementConfirmation.Result(CONFIRMED, true,
                null, exports.resolve("x.xlsx"), List.of("v2 DOCUMENT: ERP answered 503")));
        mvc.perform(post("/settlements/5/confirm").with(as("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/settlements/9"))
                .andExpect(flash().attribute("error", "settlements.confirm.erpFailed"))
                .andExpect(flash().attribute("errorDetail", "v2 DOCUMENT: ERP answered 503"));
    }

    @Test
    void aRefusedConfirmationSaysWhyOnTheSamePage() throws Exception {
        when(actions.confirm(anyLong(), any(), any())).thenThrow(new IllegalArgumentException("not the draft any more"));
        mvc.perform(post("/settlements/5/confirm").with(as("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/settlements/5"))
                .andExpect(flash().attribute("error", "settlements.confirm.refused"))
                .andExpect(flash().attribute("errorDetail", "not the draft any more"));
    }

    @Test
    void financeDownloadsTheWorkbookUnderAnAsciiAndAKoreanName() throws Exception {
        Path file = Files.write(exports.resolve("settlement-2026-10-acme-sandbox01-v1.xlsx"), new byte[]{1, 2, 3});
        when(actions.workbook(4, "fin")).thenReturn(new SettlementActions.Workbook(FIRST, file));
        mvc.perform(get("/settlements/4/workbook").with(as("FINANCE"))).andExpect(status().isOk())
                .andExpect(content().contentType(SettlementsController.XLSX))
                .andExpect(header().string("Content-Disposition", "attachment; "
                        + "filename=\"settlement-2026-10-acme-sandbox01-v1.xlsx\"; "
                        + "filename*=UTF-8''%EC%A0%95%EC%82%B0%EC%84%9C-2026-10-acme-sandbox01-v1.xlsx"))
                .andExpect(content().bytes(new byte[]{1, 2, 3}));
    }

    @Test
    void aDraftHasNoWorkbookToDownload() throws Exception {
        when(actions.workbook(5, "fin")).thenThrow(new IllegalArgumentException("is a draft"));
        mvc.perform(get("/settlements/5/workbook").with(as("FINANCE"))).andExpect(status().isNotFound());
    }

    private static RequestPostProcessor as(String role) {
        return user(role.equals("FINANCE") ? "fin" : role.toLowerCase()).roles(role);
    }

    static Snapshot snapshot(long id, int version, String status, String confirmedBy) {
        return new Snapshot(id, 3, "acme", "CAFE24", "sandbox01", null, "2026-10", version, status, Money.of(100_000),
                Money.of(1_000), Money.of(10_000), Money.of(3_000), Money.ZERO, Money.ZERO, Money.of(92_000), 2,
                confirmedBy == null ? null : "ab".repeat(32), confirmedBy,
                confirmedBy == null ? null : LocalDateTime.of(2026, 11, 2, 9, 0), null, null);
    }
}
