package com.mallbatch.admin.settlements.web;

import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.admin.settlements.SettlementActions;
import com.mallbatch.admin.settlements.SettlementQueries;
import com.mallbatch.jobs.settlement.SettlementConfirmation;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Settlements of a period per account; one snapshot with its lines, changes and versions; confirm; download. */
@Controller
class SettlementsController {

    static final String VIEW_LIST = "settlements/list";
    static final String VIEW_DETAIL = "settlements/detail";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SettlementQueries queries;
    private final SettlementActions actions;

    SettlementsController(SettlementQueries queries, SettlementActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    @GetMapping("/settlements")
    String list(@RequestParam(required = false) String period, Model model) {
        List<String> periods = queries.periods();
        String shown = period != null && periods.contains(period) ? period : periods.stream().findFirst().orElse(null);
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown);
        model.addAttribute("settlements", shown == null ? List.of() : queries.ofPeriod(shown));
        return VIEW_LIST;
    }

    @GetMapping("/settlements/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        Snapshot snapshot = queries.snapshot(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("s", snapshot);
        model.addAttribute("lines", queries.lines(snapshot, page));
        model.addAttribute("extraCosts", queries.extraCosts(id));
        model.addAttribute("changes", queries.changes(snapshot).orElse(null));
        model.addAttribute("versions", queries.versions(snapshot));
        return VIEW_DETAIL;
    }

    @PostMapping("/settlements/{id}/confirm")
    @PreAuthorize("hasRole('FINANCE')")
    String confirm(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            SettlementConfirmation.Result result = actions.confirm(id, comment, CurrentUser.name());
            Snapshot standing = result.standing();
            Object[] args = {standing.accountLabel(), standing.period(), standing.version()};
            redirect.addFlashAttribute("message", result.changed() ? "settlements.confirm.done" : "settlements.confirm.unchanged");
            redirect.addFlashAttribute("messageArgs", args);
            if (!result.erpFailures().isEmpty()) {
                redirect.addFlashAttribute("error", "settlements.confirm.erpFailed");
                redirect.addFlashAttribute("errorDetail", String.join("; ", result.erpFailures()));
            }
            return "redirect:/settlements/" + standing.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "settlements.confirm.refused");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
            return "redirect:/settlements/" + id;
        }
    }

    @GetMapping("/settlements/{id}/workbook")
    @PreAuthorize("hasRole('FINANCE')")
    ResponseEntity<Resource> workbook(@PathVariable long id) {
        try {
            SettlementActions.Workbook workbook = actions.workbook(id, CurrentUser.name());
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, WorkbookAttachment.header(workbook.snapshot()))
                    .body(new FileSystemResource(workbook.file()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
