package com.mallbatch.admin.accounts;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.CrawlProfileTrial.DryRun;
import com.mallbatch.jobs.accounts.CrawlProfileEditing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * An admin edits a crawled account's site profile and tries it, through the jobs' {@link CrawlProfileEditing}; a save
 * and a dry run (which logs in to the seller center) are audited, taken or refused.
 */
@Service
public class CrawlProfileAdministration {

    /** A crawled account's profile as it is read now. */
    public record Profile(MallAccount account, String name, String yaml) {
    }

    private final CrawlProfileEditing editing;
    private final AdminAudit audit;

    public CrawlProfileAdministration(CrawlProfileEditing editing, AdminAudit audit) {
        this.editing = editing;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException when the account is not crawled */
    @PreAuthorize("hasRole('ADMIN')")
    public Profile profile(long accountId) {
        MallAccount account = editing.crawledAccount(accountId);
        return new Profile(account, account.crawlProfile(), editing.yaml(account.crawlProfile()).orElse(""));
    }

    /** @throws CrawlProfileEditing.Refused with a line per problem; nothing is stored */
    @PreAuthorize("hasRole('ADMIN')")
    public void save(long accountId, String yaml, String user) {
        MallAccount account = editing.crawledAccount(accountId);
        String target = "crawl profile " + account.crawlProfile();
        try {
            editing.save(account.crawlProfile(), yaml, user);
            audit.record(user, "save-crawl-profile", target, "from " + account.label(), "saved");
        } catch (IllegalArgumentException e) {
            audit.record(user, "save-crawl-profile", target, "from " + account.label(), "refused: " + e.getMessage());
            throw e;
        }
    }

    /** @throws CrawlProfileEditing.Refused with a line per problem; nothing is fetched */
    @PreAuthorize("hasRole('ADMIN')")
    public DryRun dryRun(long accountId, String yaml, String user) {
        MallAccount account = editing.crawledAccount(accountId);
        String target = "crawl profile " + account.crawlProfile();
        try {
            DryRun run = editing.dryRun(accountId, yaml);
            audit.record(user, "dry-run-crawl-profile", target, "on " + account.label(), run.failure() == null
                    ? run.rows().size() + " of " + run.rowsOnPage() + " row(s) read from " + run.url()
                    : "failed: " + run.failure());
            return run;
        } catch (IllegalArgumentException e) {
            audit.record(user, "dry-run-crawl-profile", target, "on " + account.label(), "refused: " + e.getMessage());
            throw e;
        }
    }
}
