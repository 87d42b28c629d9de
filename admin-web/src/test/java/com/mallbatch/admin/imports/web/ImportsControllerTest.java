package com.mallbatch.admin.imports.web;

import com.mallbatch.admin.imports.ImportProblem;
import com.mallbatch.admin.imports.WorkbookUploads;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.admin.infrastructure.web.WebSliceApplication;
import com.mallbatch.jobs.imports.WorkbookImports.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.unit.DataSize;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Uploads with the real security configuration: only FINANCE (and ADMIN) uploads; VIEWER and OPS get 403 with nothing
 * imported, a POST without the CSRF token too; a refused workbook comes back with every problem.
 */
@WebMvcTest(controllers = ImportsController.class)
@ContextConfiguration(classes = WebSliceApplication.class)
class ImportsControllerTest {

    static final byte[] WORKBOOK = {0x50, 0x4b, 3, 4};

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkbookUploads uploads;
    @MockitoBean
    AdminUsers storedUsers;
    @MockitoBean
    AdminAudit audit;

    @BeforeEach
    void limit() {
        when(uploads.maxSize()).thenReturn(DataSize.ofMegabytes(10));
    }

    @Test
    void anonymousIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/imports")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(upload().with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        verify(uploads, org.mockito.Mockito.never()).upload(any(), any(), anyLong(), any(), any(), any());
    }

    @Test
    void viewerAndOpsSeeThePageWithoutTheFormAndMayNotUpload() throws Exception {
        for (String role : List.of("VIEWER", "OPS")) {
            String page = mvc.perform(get("/imports").with(as(role)).header("Accept-Language", "en"))
                    .andExpect(view().name(ImportsController.VIEW_FORM)).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Only FINANCE may upload").doesNotContain("Upload and import");
            mvc.perform(upload().with(as(role)).with(csrf())).andExpect(status().isForbidden());
        }
        verify(uploads, org.mockito.Mockito.never()).upload(any(), any(), anyLong(), any(), any(), any());
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(upload().with(as("FINANCE"))).andExpect(status().isForbidden());
        verify(uploads, org.mockito.Mockito.never()).upload(any(), any(), anyLong(), any(), any(), any());
    }

    @Test
    void financeImportsAWorkbook() throws Exception {
        String page = mvc.perform(get("/imports").with(as("FINANCE")).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Upload and import").contains("at most 10 MB");
        when(uploads.upload(eq(Kind.EXTRA_COSTS), eq("costs.xlsx"), eq(4L), any(), eq(""), eq("fin")))
                .thenReturn(new WorkbookUploads.Result(3, List.of()));
        mvc.perform(upload().param("tenant", "").with(as("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/imports")).andExpect(flash().attribute("message", "imports.done"));
        verify(uploads).upload(eq(Kind.EXTRA_COSTS), eq("costs.xlsx"), eq(4L), any(), eq(""), eq("fin"));
    }

    @Test
    void aRefusedWorkbookComesBackWithEveryProblem() throws Exception {
        List<ImportProblem> problems = List.of(ImportProblem.of("costs.xlsx: row 4, column E (금액): 'x' is not a number"));
        when(uploads.upload(any(), any(), anyLong(), any(), any(), any())).thenReturn(new WorkbookUploads.Result(0, problems));
        mvc.perform(upload().with(as("ADMIN")).with(csrf())).andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("error", "imports.refused"))
                .andExpect(flash().attribute("problems", problems));
    }

    @Test
    void anUploadWithoutWhatItHoldsIsNotStarted() throws Exception {
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "costs.xlsx", null, WORKBOOK))
                        .with(as("FINANCE")).with(csrf()))
                .andExpect(redirectedUrl("/imports")).andExpect(flash().attribute("error", "imports.incomplete"));
        verify(uploads, org.mockito.Mockito.never()).upload(any(), any(), anyLong(), any(), any(), any());
    }

    @Test
    void aRefusalBeforeImportingSaysWhy() throws Exception {
        when(uploads.upload(any(), any(), anyLong(), any(), any(), any()))
                .thenThrow(new IllegalArgumentException("master inventory belongs to one tenant: name the tenant"));
        mvc.perform(upload().with(as("FINANCE")).with(csrf())).andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("error", "imports.notStarted"))
                .andExpect(flash().attribute("errorDetail", "master inventory belongs to one tenant: name the tenant"));
    }

    private static MockMultipartHttpServletRequestBuilder upload() {
        return (MockMultipartHttpServletRequestBuilder) multipart("/imports")
                .file(new MockMultipartFile("file", "costs.xlsx", null, WORKBOOK)).param("kind", "EXTRA_COSTS");
    }

    private static RequestPostProcessor as(String role) {
        return user(role.equals("FINANCE") ? "fin" : role.toLowerCase()).roles(role);
    }
}
