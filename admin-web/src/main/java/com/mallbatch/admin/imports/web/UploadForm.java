package com.mallbatch.admin.imports.web;

import com.mallbatch.jobs.imports.WorkbookImports.Kind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** The upload form: what the workbook holds, the tenant (master inventory only) and the file. */
class UploadForm {

    @NotNull
    private Kind kind;
    @Size(max = 100)
    private String tenant;
    @NotNull
    private MultipartFile file;

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public MultipartFile getFile() {
        return file;
    }

    public void setFile(MultipartFile file) {
        this.file = file;
    }
}
