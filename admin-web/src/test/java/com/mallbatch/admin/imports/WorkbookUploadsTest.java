package com.mallbatch.admin.imports;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.imports.WorkbookImports;
import com.mallbatch.jobs.imports.WorkbookImports.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.startsWith;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** What an upload is refused for before its import runs, and where the file is kept: each refusal audited. */
class WorkbookUploadsTest {

    @TempDir
    Path uploads;
    final WorkbookImports imports = mock(WorkbookImports.class);
    final AdminAudit audit = mock(AdminAudit.class);

    WorkbookUploads uploads() {
        return new WorkbookUploads(imports, audit, uploads, DataSize.ofMegabytes(1));
    }

    @Test
    void aFileOverTheLimitAnEmptyOneAndInventoryWithoutATenantAreRefusedBeforeImporting() {
        assertThatThrownBy(() -> uploads().upload(Kind.EXTRA_COSTS, "costs.xlsx", 2_097_152, stream(10), null, "park"))
                .hasMessageContaining("costs.xlsx is 2048 KB; at most 1 MB");
        assertThatThrownBy(() -> uploads().upload(Kind.EXTRA_COSTS, "costs.xlsx", 0, stream(0), null, "park"))
                .hasMessageContaining("costs.xlsx is empty");
        assertThatThrownBy(() -> uploads().upload(Kind.MASTER_INVENTORY, "stock.xlsx", 10, stream(10), " ", "park"))
                .hasMessageContaining("name the tenant");
        verifyNoInteractions(imports);
        verify(audit).record(eq("park"), eq("import-workbook"), eq("importMasterInventoryJob stock.xlsx"), eq("tenant= "),
                startsWith("refused: "));
    }

    @Test
    void theFileIsKeptUnderItsOwnNameInAFolderOfItsOwnAndImported() throws Exception {
        when(imports.importFile(eq(Kind.EXTRA_COSTS), any(), eq(null), eq("park")))
                .thenReturn(new WorkbookImports.Outcome(7, 3, List.of()));
        WorkbookUploads.Result result = uploads().upload(Kind.EXTRA_COSTS, "C:\\finance\\비용 10월.xlsx", 10, stream(10),
                null, "park");
        assertThat(result.imported()).isTrue();
        try (var folders = Files.list(uploads)) {
            Path folder = folders.findFirst().orElseThrow();
            assertThat(folder.resolve("비용 10월.xlsx")).hasSize(10);
        }
        verify(audit).record("park", "import-workbook", "importExtraCostsJob 비용 10월.xlsx", null,
                "imported 3 row(s), execution 7");
    }

    @Test
    void aNameFromTheBrowserLosesItsFoldersAndWhatFileSystemsRefuse() {
        assertThat(WorkbookUploads.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(WorkbookUploads.safeName("a:b?.xlsx")).isEqualTo("a_b_.xlsx");
        assertThat(WorkbookUploads.safeName("..")).isEqualTo("upload.xlsx");
        assertThat(WorkbookUploads.safeName(null)).isEqualTo("upload.xlsx");
    }

    private static ByteArrayInputStream stream(int size) {
        return new ByteArrayInputStream(new byte[size]);
    }
}
