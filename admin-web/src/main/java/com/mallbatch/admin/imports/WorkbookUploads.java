package com.mallbatch.admin.imports;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.imports.WorkbookImports;
import com.mallbatch.jobs.imports.WorkbookImports.Kind;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A workbook finance uploads, kept under the upload directory (in a folder of its own, under its own name, so every
 * upload is a new import run and the problems name the file finance knows) and imported by its job through
 * {@link WorkbookImports}: all or nothing. Written to the admin audit, imported or refused.
 */
@Service
public class WorkbookUploads {

    /** How an upload ended: rows imported, or every problem (then nothing was stored). */
    public record Result(long rowsImported, List<ImportProblem> problems) {

        public boolean imported() {
            return problems.isEmpty();
        }
    }

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final WorkbookImports imports;
    private final AdminAudit audit;
    private final Path directory;
    private final DataSize maxSize;

    public WorkbookUploads(WorkbookImports imports, AdminAudit audit,
                           @Value("${mallbatch.imports.upload-dir:uploads}") Path directory,
                           @Value("${mallbatch.imports.max-upload-size:10MB}") DataSize maxSize) {
        this.imports = imports;
        this.audit = audit;
        this.directory = directory;
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /**
     * @throws IllegalArgumentException when the upload is refused before importing (empty, too large, no tenant, the
     *                                  job would not start), its reason the message
     */
    @PreAuthorize("hasRole('FINANCE')")
    public Result upload(Kind kind, String fileName, long size, InputStream content, String tenant, String user) {
        String name = safeName(fileName);
        String target = kind.jobName() + " " + name;
        String detail = kind.needsTenant() ? "tenant=" + tenant : null;
        try {
            if (size <= 0) {
                throw new IllegalArgumentException(name + " is empty; choose the workbook to import");
            }
            if (size > maxSize.toBytes()) {
                throw new IllegalArgumentException(name + " is " + DataSize.ofBytes(size).toKilobytes() + " KB; at most "
                        + maxSize.toMegabytes() + " MB can be uploaded");
            }
            if (kind.needsTenant() && (tenant == null || tenant.isBlank())) {
                throw new IllegalArgumentException("master inventory belongs to one tenant: name the tenant");
            }
            WorkbookImports.Outcome outcome = imports.importFile(kind, store(name, content), tenant, user);
            audit.record(user, "import-workbook", target, detail, outcome.imported()
                    ? "imported " + outcome.rowsImported() + " row(s), execution " + outcome.executionId()
                    : "refused: " + outcome.problems().size() + " problem(s), nothing imported, execution "
                    + outcome.executionId());
            return new Result(outcome.rowsImported(), outcome.problems().stream().map(ImportProblem::of).toList());
        } catch (IllegalArgumentException | LaunchRefusedException e) {
            audit.record(user, "import-workbook", target, detail, "refused: " + e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Path store(String name, InputStream content) {
        try {
            Path folder = directory.resolve(LocalDateTime.now().format(FOLDER) + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.copy(content, file);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the upload in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The name the browser sent without any folder, and without characters a file system refuses. */
    static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[:*?\"<>|\\p{Cntrl}]", "_").strip();
        return base.isEmpty() || base.startsWith(".") ? "upload.xlsx" : base;
    }
}
