package com.mallbatch.admin.imports.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file over the servlet's multipart limit is refused before any controller sees it; the person gets the upload page
 * again with one line saying so, not an error page.
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String refused(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "imports.tooLarge");
        return "redirect:/imports";
    }
}
