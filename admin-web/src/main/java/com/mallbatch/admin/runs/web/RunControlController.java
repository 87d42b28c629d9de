package com.mallbatch.admin.runs.web;

import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.jobs.launch.RunControl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Stop a running execution, abandon a stopped or failed one: RunControl's, as the command line does it. */
@Controller
class RunControlController {

    private final RunControl runControl;

    RunControlController(RunControl runControl) {
        this.runControl = runControl;
    }

    @PostMapping("/runs/{executionId}/stop")
    @PreAuthorize("hasRole('OPS')")
    String stop(@PathVariable long executionId, RedirectAttributes redirect) {
        try {
            runControl.stop(executionId, CurrentUser.name());
            redirect.addFlashAttribute("message", "runs.stop.done");
        } catch (RunControl.Refused e) {
            refused(redirect, "runs.stop.refused", e);
        }
        return "redirect:/runs/" + executionId;
    }

    @PostMapping("/runs/{executionId}/abandon")
    @PreAuthorize("hasRole('OPS')")
    String abandon(@PathVariable long executionId, RedirectAttributes redirect) {
        try {
            runControl.abandon(executionId, CurrentUser.name());
            redirect.addFlashAttribute("message", "runs.abandon.done");
        } catch (RunControl.Refused e) {
            refused(redirect, "runs.abandon.refused", e);
        }
        return "redirect:/runs/" + executionId;
    }

    /** One line: what was refused, then the use case's reason (which execution, in which status). */
    private static void refused(RedirectAttributes redirect, String code, RunControl.Refused e) {
        redirect.addFlashAttribute("error", code);
        redirect.addFlashAttribute("errorDetail", e.getMessage());
    }
}
