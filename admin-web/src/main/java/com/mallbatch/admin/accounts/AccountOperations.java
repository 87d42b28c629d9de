package com.mallbatch.admin.accounts;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Ops pauses and resumes an account through the jobs' account-health use case ({@link AccountHealthService}, the
 * {@code pause-account} / {@code resume-account} commands' path), each attempt written to the admin audit.
 */
@Service
public class AccountOperations {

    private final AccountHealthService health;
    private final MallAccounts accounts;
    private final AdminAudit audit;

    public AccountOperations(AccountHealthService health, MallAccounts accounts, AdminAudit audit) {
        this.health = health;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException without a reason, or for a disabled account (it is not collected anyway) */
    @PreAuthorize("hasRole('OPS')")
    public MallAccount pause(long accountId, String reason, String user) {
        MallAccount account = accounts.byId(accountId);
        try {
            health.pause(account.label(), reason, user);
            audit.record(user, "pause-account", account.label(), reason, "paused");
            return account;
        } catch (IllegalArgumentException e) {
            audit.record(user, "pause-account", account.label(), reason, "refused: " + e.getMessage());
            throw e;
        }
    }

    @PreAuthorize("hasRole('OPS')")
    public MallAccount resume(long accountId, String user) {
        MallAccount account = accounts.byId(accountId);
        try {
            health.resume(account.label(), user);
            audit.record(user, "resume-account", account.label(), null, "resumed");
            return account;
        } catch (IllegalArgumentException e) {
            audit.record(user, "resume-account", account.label(), null, "refused: " + e.getMessage());
            throw e;
        }
    }
}
