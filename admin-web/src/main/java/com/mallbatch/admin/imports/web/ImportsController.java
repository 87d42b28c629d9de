package com.mallbatch.admin.imports.web;

import com.mallbatch.admin.imports.WorkbookUploads;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.jobs.imports.WorkbookImports.Kind;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Finance's workbooks (extra costs, master inventory, commission and shipping fee rules), uploaded and imported. */
@Controller
class ImportsController {

    static final String VIEW_FORM = "imports/form";

    private final WorkbookUploads uploads;

    ImportsController(WorkbookUploads uploads) {
        this.uploads = uploads;
    }

    @InitBinder("uploadForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "tenant", "file");
    }

    @GetMapping("/imports")
    String form(Model model) {
        model.addAttribute("kinds", Arrays.asList(Kind.values()));
        model.addAttribute("maxMegabytes", uploads.maxSize().toMegabytes());
        return VIEW_FORM;
    }

    @PostMapping("/imports")
    @PreAuthorize("hasRole('FINANCE')")
    String upload(@Valid @ModelAttribute UploadForm uploadForm, BindingResult binding, RedirectAttributes redirect)
            throws IOException {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", "imports.incomplete");
            return "redirect:/imports";
        }
        String fileName = uploadForm.getFile().getOriginalFilename();
        try (InputStream content = uploadForm.getFile().getInputStream()) {
            WorkbookUploads.Result result = uploads.upload(uploadForm.getKind(), fileName, uploadForm.getFile().getSize(),
                    content, uploadForm.getTenant(), CurrentUser.name());
            if (result.imported()) {
                redirect.addFlashAttribute("message", "imports.done");
                redirect.addFlashAttribute("messageArgs", new Object[]{result.rowsImported(), fileName});
            } else {
                redirect.addFlashAttribute("error", "imports.refused");
                redirect.addFlashAttribute("errorDetail", fileName);
                redirect.addFlashAttribute("problems", result.problems());
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "imports.notStarted");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/imports";
    }
}
