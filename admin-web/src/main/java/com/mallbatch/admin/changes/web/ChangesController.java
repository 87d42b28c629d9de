package com.mallbatch.admin.changes.web;

import com.mallbatch.admin.changes.RerunChanges;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * What a restarted or relaunched run changed compared with the previous execution of its date: a fragment the run page
 * loads with htmx, or a page of its own. With no previous execution the fragment is empty.
 */
@Controller
class ChangesController {

    static final String VIEW_PAGE = "changes/page";
    static final String VIEW_FRAGMENT = "changes/page :: changes";

    private final RerunChanges changes;

    ChangesController(RerunChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/runs/{executionId}/changes")
    String changes(@PathVariable long executionId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model) {
        model.addAttribute("executionId", executionId);
        model.addAttribute("comparison", changes.compare(executionId).orElse(null));
        return "true".equals(htmx) ? VIEW_FRAGMENT : VIEW_PAGE;
    }
}
