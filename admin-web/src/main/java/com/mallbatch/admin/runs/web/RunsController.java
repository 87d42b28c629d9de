package com.mallbatch.admin.runs.web;

import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.admin.runs.AccountEvidence;
import com.mallbatch.admin.runs.RunDetails;
import com.mallbatch.admin.runs.RunQueries;
import com.mallbatch.admin.runs.RunRestarts;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The runs grid (job × business date), a run with its steps and accounts, an account's failure, the restart. */
@Controller
class RunsController {

    static final String VIEW_GRID = "runs/grid";
    static final String VIEW_RUN = "runs/run";
    static final String VIEW_FAILURE = "runs/failure";
    static final String VIEW_RESTART = "runs/restart";
    static final int DAYS = 30;

    private final RunQueries queries;
    private final RunDetails details;
    private final RunRestarts restarts;
    private final AccountEvidence evidence;
    private final Clock clock;

    RunsController(RunQueries queries, RunDetails details, RunRestarts restarts, AccountEvidence evidence, Clock clock) {
        this.queries = queries;
        this.details = details;
        this.restarts = restarts;
        this.evidence = evidence;
        this.clock = clock;
    }

    @GetMapping("/runs")
    String grid(@RequestParam(required = false) String job, @RequestParam(required = false) String tenant,
                @RequestParam(required = false) BatchStatus status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(BusinessDate.SEOUL));
        LocalDate first = last.minusDays(DAYS - 1);
        String jobFilter = job == null || job.isBlank() ? null : job;
        String tenantFilter = tenant == null || tenant.isBlank() ? null : tenant;
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1)) {
            dates.add(d);
        }
        Map<String, Map<String, RunQueries.Cell>> grid = new LinkedHashMap<>();
        for (RunQueries.Cell cell : queries.grid(first, last, new RunQueries.GridFilter(jobFilter, tenantFilter))) {
            if (status == null || status.name().equals(cell.status())) {
                grid.computeIfAbsent(cell.jobName(), k -> new LinkedHashMap<>()).put(cell.businessDate().toString(), cell);
            }
        }
        model.addAttribute("dates", dates);
        model.addAttribute("grid", grid);
        model.addAttribute("jobs", new TreeSet<>(queries.jobNames()));
        model.addAttribute("statuses", Arrays.asList(BatchStatus.values()));
        model.addAttribute("tenants", queries.tenants());
        model.addAttribute("job", jobFilter);
        model.addAttribute("tenant", tenantFilter);
        model.addAttribute("status", status);
        model.addAttribute("to", last);
        return VIEW_GRID;
    }

    @GetMapping("/runs/{executionId}")
    String run(@PathVariable long executionId, Model model) {
        model.addAttribute("run", found(details.run(executionId)));
        return VIEW_RUN;
    }

    @GetMapping("/runs/{executionId}/accounts/{partitionId}")
    String failure(@PathVariable long executionId, @PathVariable long partitionId, Model model) {
        RunDetails.AccountFailure failure = found(details.accountFailure(executionId, partitionId));
        model.addAttribute("failure", failure);
        model.addAttribute("skipped", evidence.skipped(executionId, failure.stepNames()));
        model.addAttribute("fetchFailures", evidence.fetchFailures(failure.stepIds()));
        return VIEW_FAILURE;
    }

    /** What a restart will rerun, before it does. */
    @GetMapping("/runs/{executionId}/restart")
    @PreAuthorize("hasRole('OPS')")
    String confirmRestart(@PathVariable long executionId, Model model, RedirectAttributes redirect) {
        RunDetails.Run run = found(details.run(executionId));
        if (!run.restartable()) {
            redirect.addFlashAttribute("error", "runs.restart.notRestartable");
            return "redirect:/runs/" + executionId;
        }
        model.addAttribute("run", run);
        model.addAttribute("rerun", RunDetails.accountsToRerun(run));
        return VIEW_RESTART;
    }

    @PostMapping("/runs/{executionId}/restart")
    @PreAuthorize("hasRole('OPS')")
    String restart(@PathVariable long executionId, RedirectAttributes redirect) {
        try {
            Optional<Long> started = restarts.restartFailedAccounts(executionId, CurrentUser.name());
            redirect.addFlashAttribute("message", "runs.restart.started");
            return "redirect:/runs/" + started.orElse(executionId);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "runs.restart.notRestartable");
            return "redirect:/runs/" + executionId;
        }
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
