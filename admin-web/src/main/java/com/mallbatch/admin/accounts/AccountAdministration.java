package com.mallbatch.admin.accounts;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.accounts.MallAccountEditing;
import com.mallbatch.jobs.accounts.MallAccountEditing.Entry;
import com.mallbatch.jobs.accounts.MallAccountEditing.StoredSecrets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * An admin adds, edits, disables and enables accounts through the jobs' {@link MallAccountEditing} (the accounts
 * file's registration), each attempt audited with what changed but never a secret: the audit names which secrets were
 * replaced, not their values.
 */
@Service
public class AccountAdministration {

    private final MallAccountEditing editing;
    private final AdminAudit audit;

    public AccountAdministration(MallAccountEditing editing, AdminAudit audit) {
        this.editing = editing;
        this.audit = audit;
    }

    /** @throws MallAccountEditing.Refused naming each field in the way */
    @PreAuthorize("hasRole('ADMIN')")
    public MallAccount add(Entry entry, String user) {
        String target = entry.tenantKey() + "/" + entry.platform() + "/" + entry.accountKey();
        try {
            MallAccount added = editing.add(entry, user);
            audit.record(user, "add-account", added.label(), describe(entry), "added as #" + added.id());
            return added;
        } catch (IllegalArgumentException e) {
            audit.record(user, "add-account", target, describe(entry), "refused: " + e.getMessage());
            throw e;
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public MallAccount edit(long accountId, Entry entry, String user) {
        try {
            MallAccount edited = editing.edit(accountId, entry, user);
            audit.record(user, "edit-account", edited.label(), describe(entry), "saved");
            return edited;
        } catch (IllegalArgumentException e) {
            audit.record(user, "edit-account", "account #" + accountId, describe(entry), "refused: " + e.getMessage());
            throw e;
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public MallAccount setEnabled(long accountId, boolean enabled, String user) {
        String action = enabled ? "enable-account" : "disable-account";
        try {
            MallAccount account = editing.setEnabled(accountId, enabled, user);
            audit.record(user, action, account.label(), null, enabled ? "enabled" : "disabled");
            return account;
        } catch (IllegalArgumentException e) {
            audit.record(user, action, "account #" + accountId, null, "refused: " + e.getMessage());
            throw e;
        }
    }

    /** Which secrets are stored, for the form to say "set" or "not set". */
    @PreAuthorize("hasRole('ADMIN')")
    public StoredSecrets storedSecrets(long accountId) {
        return editing.storedSecrets(accountId);
    }

    /** The entry's plain fields and the names of the secrets typed in. */
    private static String describe(Entry e) {
        List<String> typed = new ArrayList<>();
        MallCredentials c = e.credentials();
        if (c != null) {
            addIfTyped(typed, "clientId", c.clientId());
            addIfTyped(typed, "clientSecret", c.clientSecret());
            addIfTyped(typed, "refreshToken", c.refreshToken());
        }
        return "tenant=" + e.tenantKey() + " baseUrl=" + e.baseUrl() + " rate=" + e.rateCapacity() + "/"
                + e.rateLeakPerSecond() + " crawlProfile=" + e.crawlProfile() + " enabled=" + e.enabled()
                + " secrets typed=" + (typed.isEmpty() ? "none" : String.join(",", typed));
    }

    private static void addIfTyped(List<String> typed, String name, String value) {
        if (value != null && !value.isBlank()) {
            typed.add(name);
        }
    }
}
