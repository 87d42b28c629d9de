package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountOperations;
import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.admin.accounts.AccountQueries.HealthState;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
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

import java.util.Arrays;

/** The accounts with their health and last run, filtered; one account with its failures; ops' pause and resume. */
@Controller
class AccountsController {

    static final String VIEW_LIST = "accounts/list";
    static final String VIEW_ACCOUNT = "accounts/account";

    private final AccountQueries queries;
    private final AccountOperations operations;

    AccountsController(AccountQueries queries, AccountOperations operations) {
        this.queries = queries;
        this.operations = operations;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String tenant, @RequestParam(required = false) Platform platform,
                @RequestParam(required = false) HealthState health, Model model) {
        String tenantFilter = tenant == null || tenant.isBlank() ? null : tenant;
        model.addAttribute("accounts", queries.list(tenantFilter, platform, health));
        model.addAttribute("tenants", queries.tenants());
        model.addAttribute("platforms", Arrays.asList(Platform.values()));
        model.addAttribute("states", Arrays.asList(HealthState.values()));
        model.addAttribute("tenant", tenantFilter);
        model.addAttribute("platform", platform);
        model.addAttribute("health", health);
        return VIEW_LIST;
    }

    @GetMapping("/accounts/{accountId}")
    String account(@PathVariable long accountId, Model model) {
        model.addAttribute("account", queries.account(accountId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return VIEW_ACCOUNT;
    }

    @PostMapping("/accounts/{accountId}/pause")
    @PreAuthorize("hasRole('OPS')")
    String pause(@PathVariable long accountId, @RequestParam(required = false) String reason,
                 RedirectAttributes redirect) {
        try {
            MallAccount account = operations.pause(accountId, reason, CurrentUser.name());
            done(redirect, "accounts.paused", account);
        } catch (IllegalArgumentException e) {
            refused(redirect, "accounts.pause.refused", e);
        }
        return "redirect:/accounts/" + accountId;
    }

    @PostMapping("/accounts/{accountId}/resume")
    @PreAuthorize("hasRole('OPS')")
    String resume(@PathVariable long accountId, RedirectAttributes redirect) {
        try {
            MallAccount account = operations.resume(accountId, CurrentUser.name());
            done(redirect, "accounts.resumed", account);
        } catch (IllegalArgumentException e) {
            refused(redirect, "accounts.resume.refused", e);
        }
        return "redirect:/accounts/" + accountId;
    }

    static void done(RedirectAttributes redirect, String message, MallAccount account) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArgs", new Object[]{account.label()});
    }

    static void refused(RedirectAttributes redirect, String error, IllegalArgumentException e) {
        redirect.addFlashAttribute("error", error);
        redirect.addFlashAttribute("errorDetail", e.getMessage());
    }
}
