package com.mallbatch.admin.breaks.web;

import com.mallbatch.admin.breaks.BreakDecisionService;
import com.mallbatch.admin.breaks.BreakQueries;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Open and acknowledged reconcile breaks, filtered by severity, check, mall and age; a person's decision on one. */
@Controller
class BreaksController {

    static final String VIEW_LIST = "breaks/list";

    /** The age choices of the filter, in days open. */
    static final List<Integer> AGES = List.of(1, 3, 7, 30);

    private final BreakQueries queries;
    private final BreakDecisionService decisions;
    private final Clock clock;

    BreaksController(BreakQueries queries, BreakDecisionService decisions, Clock clock) {
        this.queries = queries;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/breaks")
    String list(@RequestParam(required = false) Severity severity, @RequestParam(required = false) String check,
                @RequestParam(required = false) Platform mall, @RequestParam(required = false) Integer minAge,
                Model model) {
        BreakQueries.Filter filter = new BreakQueries.Filter(severity, check == null || check.isBlank() ? null : check,
                mall, minAge);
        model.addAttribute("breaks", queries.unresolved(filter, LocalDate.now(clock.withZone(BusinessDate.SEOUL))));
        model.addAttribute("checks", queries.checks());
        model.addAttribute("severities", Arrays.asList(Severity.values()));
        model.addAttribute("malls", Arrays.asList(Platform.values()));
        model.addAttribute("ages", AGES);
        model.addAttribute("decisions", Arrays.asList(BreakDecisionService.Decision.values()));
        model.addAttribute("filter", filter);
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
