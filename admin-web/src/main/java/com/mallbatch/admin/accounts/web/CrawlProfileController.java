package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.CrawlProfileAdministration;
import com.mallbatch.admin.infrastructure.web.CurrentUser;
import com.mallbatch.jobs.accounts.CrawlProfileEditing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN edits a crawled account's site profile: a dry run shows what it would read on the account's first list page,
 * a save stores it; either is refused, with a line per problem naming its key, when the profile does not check out.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CrawlProfileController {

    static final String VIEW_PROFILE = "accounts/profile";

    private final CrawlProfileAdministration profiles;

    CrawlProfileController(CrawlProfileAdministration profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/accounts/{accountId}/profile")
    String edit(@PathVariable long accountId, Model model, RedirectAttributes redirect) {
        try {
            CrawlProfileAdministration.Profile profile = profiles.profile(accountId);
            model.addAttribute("profile", profile);
            model.addAttribute("yaml", profile.yaml());
            return VIEW_PROFILE;
        } catch (IllegalArgumentException e) {
            AccountsController.refused(redirect, "accounts.profile.unavailable", e);
            return "redirect:/accounts/" + accountId;
        }
    }

    /** Renders the page with what the dry run read; changes nothing, so no redirect. */
    @PostMapping(value = "/accounts/{accountId}/profile", params = "action=dryRun")
    String dryRun(@PathVariable long accountId, @RequestParam String yaml, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("dryRun", profiles.dryRun(accountId, yaml, CurrentUser.name()));
        } catch (CrawlProfileEditing.Refused refused) {
            model.addAttribute("problems", refused.problems());
        } catch (IllegalArgumentException notCrawled) {
            AccountsController.refused(redirect, "accounts.profile.unavailable", notCrawled);
            return "redirect:/accounts/" + accountId;
        }
        return page(accountId, yaml, model);
    }

    @PostMapping(value = "/accounts/{accountId}/profile", params = "action=save")
    String save(@PathVariable long accountId, @RequestParam String yaml, Model model, RedirectAttributes redirect) {
        try {
            profiles.save(accountId, yaml, CurrentUser.name());
        } catch (CrawlProfileEditing.Refused refused) {
            model.addAttribute("problems", refused.problems());
            return page(accountId, yaml, model);
        } catch (IllegalArgumentException notCrawled) {
            AccountsController.refused(redirect, "accounts.profile.unavailable", notCrawled);
            return "redirect:/accounts/" + accountId;
        }
        redirect.addFlashAttribute("message", "accounts.profile.saved");
        redirect.addFlashAttribute("messageArgs", new Object[]{profiles.profile(accountId).name()});
        return "redirect:/accounts/" + accountId + "/profile";
    }

    /** The page again with the YAML as typed (not the stored one), so nothing typed is lost. */
    private String page(long accountId, String yaml, Model model) {
        model.addAttribute("profile", profiles.profile(accountId));
        model.addAttribute("yaml", yaml);
        return VIEW_PROFILE;
    }
}
