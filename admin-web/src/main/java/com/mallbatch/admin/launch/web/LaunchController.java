package com.mallbatch.admin.launch.web;

import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.admin.launch.Backfills;
import com.mallbatch.admin.launch.LaunchOptions;
import com.mallbatch.admin.launch.StartedBackfill;
import com.mallbatch.jobs.launch.BackfillProgress;
import com.mallbatch.jobs.launch.BackfillRefusedException;
import com.mallbatch.jobs.launch.LaunchProblem;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The launch form (everyone may read it; OPS submits it) and a backfill's status page. What is wrong with a request is
 * found by {@link com.mallbatch.jobs.launch.Backfill} — the same checks as the {@code backfill} command — and shown
 * on its field, one line each, before anything starts.
 */
@Controller
class LaunchController {

    static final String VIEW_FORM = "launch/form";
    static final String VIEW_BACKFILL = "launch/backfill";

    private final LaunchOptions options;
    private final Backfills backfills;

    LaunchController(LaunchOptions options, Backfills backfills) {
        this.options = options;
        this.backfills = backfills;
    }

    @InitBinder("launchForm")
    void allowOnlyTheFormsFields(WebDataBinder binder) {
        binder.setAllowedFields("job", "from", "to", "concurrency", "tenant", "accounts");
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver(); // every code, typeMismatch too, in launch.error.*
        codes.setPrefix("launch.error.");
        binder.setMessageCodesResolver(codes);
    }

    @GetMapping("/launch")
    String form(Model model) {
        LaunchForm form = new LaunchForm();
        form.setConcurrency(options.limits().defaultConcurrency());
        model.addAttribute("launchForm", form);
        return showForm(model);
    }

    @PostMapping("/launch")
    @PreAuthorize("hasRole('OPS')")
    String launch(@ModelAttribute("launchForm") LaunchForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) { // a date or a number that is not one: say so before asking the use case
            return showForm(model);
        }
        StartedBackfill started;
        try {
            started = backfills.start(form.request(), CurrentUser.name());
        } catch (BackfillRefusedException e) {
            e.problems().forEach(problem -> reject(result, problem));
            return showForm(model);
        } catch (LaunchRefusedException e) {
            model.addAttribute("error", "launch.refused");
            model.addAttribute("errorDetail", e.getMessage());
            return showForm(model);
        }
        redirect.addFlashAttribute("message", "launch.started");
        redirect.addFlashAttribute("messageArgs", new Object[]{started.plan().describe()});
        return "redirect:/launch/backfills/" + started.id();
    }

    @GetMapping("/launch/backfills/{id}")
    String backfill(@PathVariable long id, Model model) {
        StartedBackfill backfill = backfills.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("backfill", backfill);
        Map<LocalDate, Long> running = new HashMap<>(); // the execution of a date still running, to link to it
        backfill.progress().dates().stream().filter(date -> date.state() == BackfillProgress.State.RUNNING)
                .forEach(date -> backfills.runningExecution(backfill, date.date())
                        .ifPresent(execution -> running.put(date.date(), execution)));
        model.addAttribute("running", running);
        return VIEW_BACKFILL;
    }

    private String showForm(Model model) {
        model.addAttribute("jobs", options.jobs());
        model.addAttribute("tenants", options.tenants());
        model.addAttribute("accounts", options.accounts());
        model.addAttribute("limits", options.limits());
        model.addAttribute("recent", backfills.recent());
        return VIEW_FORM;
    }

    private static void reject(BindingResult result, LaunchProblem problem) {
        Object[] arguments = problem.arguments().toArray();
        if (problem.field() == null) {
            result.reject(problem.code(), arguments, problem.message());
        } else {
            result.rejectValue(problem.field(), problem.code(), arguments, problem.message());
        }
    }
}
