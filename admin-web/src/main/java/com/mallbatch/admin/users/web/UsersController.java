package com.mallbatch.admin.users.web;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.Role;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.admin.users.UserAdministration;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** ADMIN only: the users (configured and stored), a new user, enabling and disabling a stored one, and the audit. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    static final String VIEW_USERS = "users/list";
    static final String VIEW_AUDIT = "users/audit";
    static final int AUDIT_LINES = 200;

    private final UserAdministration users;
    private final AdminAudit audit;

    UsersController(UserAdministration users, AdminAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/users")
    String list(Model model) {
        return page(UserForm.empty(), model);
    }

    @PostMapping("/users")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(form, model);
        }
        try {
            users.create(form.username(), form.password(), form.roles(), CurrentUser.name());
        } catch (IllegalArgumentException refused) {
            errors.reject("users.create.refused", new Object[]{refused.getMessage()}, refused.getMessage());
            return page(form, model);
        }
        redirect.addFlashAttribute("message", "users.created");
        redirect.addFlashAttribute("messageArgs", new Object[]{form.username()});
        return "redirect:/users";
    }

    @PostMapping("/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            users.setEnabled(username, enabled, CurrentUser.name());
            redirect.addFlashAttribute("message", enabled ? "users.enabled" : "users.disabled");
            redirect.addFlashAttribute("messageArgs", new Object[]{username});
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", "users.change.refused");
            redirect.addFlashAttribute("errorDetail", refused.getMessage());
        }
        return "redirect:/users";
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
                 Model model) {
        String userFilter = user == null || user.isBlank() ? null : user;
        String actionFilter = action == null || action.isBlank() ? null : action;
        model.addAttribute("entries", audit.newest(userFilter, actionFilter, AUDIT_LINES));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("user", userFilter);
        model.addAttribute("action", actionFilter);
        return VIEW_AUDIT;
    }

    /** The list with the form (its errors kept; the template never writes a password back). */
    private String page(UserForm form, Model model) {
        model.addAttribute("users", users.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("minPasswordLength", UserAdministration.MIN_PASSWORD_LENGTH);
        return VIEW_USERS;
    }
}
