package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountAdministration;
import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.jobs.accounts.MallAccountEditing;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/**
 * ADMIN adds and edits accounts (one form for both; secrets write-only) and disables or enables them. The platform's
 * rules are the jobs' (MallAccountEditing): each refused field is shown beside the field.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountFormController {

    static final String VIEW_FORM = "accounts/form";

    private final AccountAdministration administration;
    private final AccountQueries queries;

    AccountFormController(AccountAdministration administration, AccountQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @InitBinder("accountForm")
    void lockBinding(WebDataBinder binder) {
        binder.setAllowedFields(AccountForm.FIELDS);
    }

    @ModelAttribute("platforms")
    List<Platform> platforms() {
        return Arrays.asList(Platform.values());
    }

    @GetMapping("/accounts/new")
    String newAccount(Model model) {
        model.addAttribute("accountForm", new AccountForm());
        return VIEW_FORM;
    }

    @PostMapping("/accounts/new")
    String add(@Valid AccountForm accountForm, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return VIEW_FORM;
        }
        try {
            MallAccount added = administration.add(accountForm.entry(), CurrentUser.name());
            AccountsController.done(redirect, "accounts.added", added);
            return "redirect:/accounts/" + added.id();
        } catch (MallAccountEditing.Refused refused) {
            reject(result, refused);
            return VIEW_FORM;
        }
    }

    @GetMapping("/accounts/{accountId}/edit")
    String edit(@PathVariable long accountId, Model model) {
        AccountQueries.Details account = details(accountId);
        model.addAttribute("accountForm", AccountForm.of(account));
        editing(model, accountId, account);
        return VIEW_FORM;
    }

    @PostMapping("/accounts/{accountId}/edit")
    String save(@PathVariable long accountId, @Valid AccountForm accountForm, BindingResult result, Model model,
                RedirectAttributes redirect) {
        AccountQueries.Details account = details(accountId);
        if (!result.hasErrors()) {
            try {
                MallAccount edited = administration.edit(accountId, accountForm.entry(), CurrentUser.name());
                AccountsController.done(redirect, "accounts.saved", edited);
                return "redirect:/accounts/" + accountId;
            } catch (MallAccountEditing.Refused refused) {
                reject(result, refused);
            }
        }
        editing(model, accountId, account);
        return VIEW_FORM;
    }

    @PostMapping("/accounts/{accountId}/enabled")
    String setEnabled(@PathVariable long accountId, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            MallAccount account = administration.setEnabled(accountId, enabled, CurrentUser.name());
            AccountsController.done(redirect, enabled ? "accounts.enabledNow" : "accounts.disabledNow", account);
        } catch (IllegalArgumentException e) {
            AccountsController.refused(redirect, "accounts.enable.refused", e);
        }
        return "redirect:/accounts/" + accountId;
    }

    private void editing(Model model, long accountId, AccountQueries.Details account) {
        model.addAttribute("accountId", accountId);
        model.addAttribute("label", account.summary().label());
        model.addAttribute("secrets", administration.storedSecrets(accountId));
    }

    private AccountQueries.Details details(long accountId) {
        return queries.account(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Each problem the use case found, on its field, translated by its code. */
    private static void reject(BindingResult result, MallAccountEditing.Refused refused) {
        for (MallAccountEditing.Problem p : refused.problems()) {
            result.rejectValue(p.field(), "accounts.problem." + p.code(), new Object[]{p.message()}, p.message());
        }
    }
}
