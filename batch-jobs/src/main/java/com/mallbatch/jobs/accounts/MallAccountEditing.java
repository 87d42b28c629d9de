package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.crawl.SiteProfiles;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcMallAccounts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A person adds, edits, disables or enables a mall account: through the accounts file's own registration
 * ({@link JdbcMallAccounts#register}), with the file's rules per platform. Credentials are write-only: on an edit, a
 * secret left empty keeps the stored one, and one typed in is sealed like a rotated token (the accounts file's
 * fingerprints stay, so the next import of an unchanged file does not put its older values back). Nothing secret is
 * logged.
 */
@Component
public class MallAccountEditing {

    private static final Logger log = LoggerFactory.getLogger(MallAccountEditing.class);

    /**
     * An account as a person types it. In {@code credentials}, null is "not typed": on an edit it keeps what is stored.
     * A crawled account's login is the client id (username) and secret (password); a SmartStore seller read on its
     * behalf keeps the seller account id in the refresh token's slot, as in the accounts file.
     */
    public record Entry(String tenantKey, String tenantName, Platform platform, String accountKey, String baseUrl,
                        int rateCapacity, double rateLeakPerSecond, String crawlProfile, boolean enabled,
                        MallCredentials credentials) {
    }

    /** What is wrong with one field of an entry: {@code code} is stable (for translations), {@code message} in words. */
    public record Problem(String field, String code, String message) {
    }

    /** The entry was refused; nothing was stored. */
    public static final class Refused extends IllegalArgumentException {

        private final transient List<Problem> problems;

        public Refused(String account, List<Problem> problems) {
            super(account + ": " + String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Which secrets an account has stored, never their values. */
    public record StoredSecrets(boolean clientId, boolean clientSecret, boolean refreshToken) {

        static final StoredSecrets NONE = new StoredSecrets(false, false, false);
    }

    private final JdbcMallAccounts accounts;
    private final CredentialStore credentials;
    private final SiteProfiles profiles;

    public MallAccountEditing(JdbcMallAccounts accounts, CredentialStore credentials, SiteProfiles profiles) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.profiles = profiles;
    }

    /** @throws Refused naming each field that is missing or wrong, or an account that already exists */
    public MallAccount add(Entry entry, String who) {
        List<Problem> problems = check(entry, entry.credentials());
        if (entry.platform() != null && present(entry.accountKey())
                && accounts.find(entry.platform(), entry.accountKey().strip()).isPresent()) {
            problems.add(new Problem("accountKey", "taken", "is already an account on " + entry.platform()));
        }
        refuseIf(label(entry), problems);
        long id = accounts.register(registration(entry, entry.enabled(), trimmed(entry.credentials())));
        MallAccount added = accounts.byId(id);
        log.info("{} added account {}", who, added.label());
        return added;
    }

    /**
     * Changes what the account is (tenant, address, rate, profile, enabled) and the secrets typed in; its platform
     * and key are what it is known by and stay.
     */
    public MallAccount edit(long accountId, Entry entry, String who) {
        MallAccount current = accounts.byId(accountId);
        MallCredentials typed = trimmed(entry.credentials());
        MallCredentials stored = stored(accountId);
        MallCredentials merged = merge(stored, typed);
        Entry fixed = new Entry(entry.tenantKey(), entry.tenantName(), current.platform(), current.accountKey(),
                entry.baseUrl(), entry.rateCapacity(), entry.rateLeakPerSecond(), entry.crawlProfile(), entry.enabled(),
                merged);
        refuseIf(current.label(), check(fixed, merged));
        accounts.register(registration(fixed, fixed.enabled(), stored == null ? merged : null));
        if (stored != null && typedAny(typed)) {
            credentials.save(accountId, merged);
        }
        MallAccount edited = accounts.byId(accountId);
        log.info("{} edited account {}{}", who, edited.label(), typedAny(typed) ? " and replaced secrets it was given" : "");
        return edited;
    }

    /** A disabled account is not collected and keeps its data and credentials; enabling it brings it back. */
    public MallAccount setEnabled(long accountId, boolean enabled, String who) {
        MallAccount current = accounts.byId(accountId);
        Entry entry = new Entry(current.tenantKey(), null, current.platform(), current.accountKey(), current.baseUrl(),
                current.rateBudget().capacity(), current.rateBudget().leakPerSecond(), current.crawlProfile(), enabled,
                null);
        accounts.register(registration(entry, enabled, null));
        log.info("{} {} account {}", who, enabled ? "enabled" : "disabled", current.label());
        return accounts.byId(accountId);
    }

    public StoredSecrets storedSecrets(long accountId) {
        MallCredentials stored = stored(accountId);
        return stored == null ? StoredSecrets.NONE : new StoredSecrets(present(stored.clientId()),
                present(stored.clientSecret()), present(stored.refreshToken()));
    }

    private MallCredentials stored(long accountId) {
        try {
            return credentials.load(accountId);
        } catch (IllegalStateException none) {
            return null;
        }
    }

    /** The accounts file's rules: who it belongs to, what it is, and the secrets its platform cannot work without. */
    private List<Problem> check(Entry e, MallCredentials secrets) {
        List<Problem> problems = new ArrayList<>();
        required(problems, "tenantKey", e.tenantKey());
        required(problems, "accountKey", e.accountKey());
        if (e.platform() == null) {
            problems.add(new Problem("platform", "required", "is missing"));
            return problems;
        }
        if (e.rateCapacity() < 1) {
            problems.add(new Problem("rateCapacity", "positive", "should be at least 1"));
        }
        if (!(e.rateLeakPerSecond() > 0)) {
            problems.add(new Problem("rateLeakPerSecond", "positive", "should be more than 0"));
        }
        MallCredentials c = secrets == null ? new MallCredentials(null, null, null, null, null) : secrets;
        required(problems, "clientId", c.clientId());
        required(problems, "clientSecret", c.clientSecret());
        switch (e.platform()) {
            case CAFE24 -> required(problems, "refreshToken", c.refreshToken());
            case SMARTSTORE -> {
            }
            case CRAWL -> {
                required(problems, "baseUrl", e.baseUrl());
                if (required(problems, "crawlProfile", e.crawlProfile())) {
                    try {
                        profiles.get(e.crawlProfile().strip());
                    } catch (IllegalArgumentException unusable) {
                        problems.add(new Problem("crawlProfile", "unusable", unusable.getMessage()));
                    }
                }
            }
        }
        return problems;
    }

    private Registration registration(Entry e, boolean enabled, MallCredentials secrets) {
        String tenantKey = e.tenantKey().strip();
        String tenantName = present(e.tenantName()) ? e.tenantName().strip()
                : accounts.tenantName(tenantKey).orElse(tenantKey);
        return new Registration(tenantKey, tenantName, e.platform(), e.accountKey().strip(), blankToNull(e.baseUrl()),
                new RateBudget(e.rateCapacity(), e.rateLeakPerSecond()),
                e.platform() == Platform.CRAWL ? e.crawlProfile().strip() : blankToNull(e.crawlProfile()), enabled,
                secrets, null);
    }

    private static MallCredentials merge(MallCredentials stored, MallCredentials typed) {
        if (stored == null) {
            return typed;
        }
        if (!typedAny(typed)) {
            return stored;
        }
        // a new client secret or refresh token makes the access token the mall gave for the old ones worthless
        return new MallCredentials(typed.clientId() != null ? typed.clientId() : stored.clientId(),
                typed.clientSecret() != null ? typed.clientSecret() : stored.clientSecret(),
                typed.refreshToken() != null ? typed.refreshToken() : stored.refreshToken(), null, null);
    }

    private static MallCredentials trimmed(MallCredentials typed) {
        if (typed == null) {
            return new MallCredentials(null, null, null, null, null);
        }
        return new MallCredentials(blankToNull(typed.clientId()), blankToNull(typed.clientSecret()),
                blankToNull(typed.refreshToken()), null, null);
    }

    private static boolean typedAny(MallCredentials typed) {
        return typed.clientId() != null || typed.clientSecret() != null || typed.refreshToken() != null;
    }

    private static void refuseIf(String account, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new Refused(account, problems);
        }
    }

    private static boolean required(List<Problem> problems, String field, String value) {
        if (!present(value)) {
            problems.add(new Problem(field, "required", "is missing"));
            return false;
        }
        return true;
    }

    private static String label(Entry e) {
        return e.tenantKey() + "/" + e.platform() + "/" + e.accountKey();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String blankToNull(String text) {
        return present(text) ? text.strip() : null;
    }
}
