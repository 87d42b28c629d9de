package com.mallbatch.admin.breaks.web;

import com.mallbatch.admin.breaks.BreakDecisionService;
import com.mallbatch.admin.breaks.BreakQueries;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.domain.reconcile.Severity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** Open and acknowledged reconcile breaks, filtered by severity and check; a person's decision on one. */
@Controller
class BreaksController {

    static final String VIEW_LIST = "breaks/list";

    private final BreakQueries queries;
    private final BreakDecisionService decisions;

    BreaksController(BreakQueries queries, BreakDecisionService decisions) {
        this.queries = queries;
        this.decisions = decisions;
    }

    @GetMapping("/breaks")
    String list(@RequestParam(required = false) Severity severity, @RequestParam(required = false) String check,
                Model model) {
        String checkFilter = check == null || check.isBlank() ? null : check;
        model.addAttribute("breaks", queries.unresolved(severity, checkFilter));
        model.addAttribute("checks", queries.checks());
        model.addAttribute("severities", Arrays.asList(Severity.values()));
        model.addAttribute("decisions", Arrays.asList(BreakDecisionService.Decision.values()));
        model.addAttribute("severity", severity);
        model.addAttribute("check", checkFilter);
        return VIEW_LIST;
    }

    @PostMapping("/breaks/{breakId}/decision")
    @PreAuthorize("hasRole('OPS')")
    String decide(@PathVariable long breakId, @RequestParam BreakDecisionService.Decision decision,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            decisions.decide(breakId, decision, comment, CurrentUser.name());
            redirect.addFlashAttribute("message", "breaks.decision.done");
            redirect.addFlashAttribute("messageArgs", new Object[]{breakId});
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "breaks.decision.refused");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/breaks";
    }
}
