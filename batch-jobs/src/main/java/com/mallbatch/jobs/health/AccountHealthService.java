package com.mallbatch.jobs.health;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.AlertNotifier;
import com.mallbatch.domain.port.AlertNotifier.Alert;
import com.mallbatch.domain.port.MallAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account-health use case, the one path the collect job, the CLI and the admin web take: a run's outcome moves
 * the account's failure streak; the streak reaching {@code alertAfter} alerts the tenant once, reaching
 * {@code pauseAfter} pauses the account (later runs skip it; its stock stays marked stale) with an alert that says
 * how to resume; a success ends the streak; resuming clears the pause and the streak.
 */
public final class AccountHealthService {

    private static final Logger log = LoggerFactory.getLogger(AccountHealthService.class);

    private final AccountHealthStore store;
    private final MallAccounts accounts;
    private final AlertNotifier alerts;
    private final HealthProperties properties;
    private final Clock clock;

    public AccountHealthService(AccountHealthStore store, MallAccounts accounts, AlertNotifier alerts,
                                HealthProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    public void succeeded(MallAccount account, LocalDate businessDate) {
        store.succeeded(account.id(), businessDate);
    }

    /** A failed run of the account's collect: in {@code stage}, with the first line of what went wrong. */
    public void failed(MallAccount account, LocalDate businessDate, String stage, String message) {
        AccountHealth health = store.failed(account.id(), LocalDateTime.now(clock), stage, message);
        int streak = health.consecutiveFailures();
        if (streak == properties.pauseAfter()) {
            String reason = streak + " failed runs in a row; the last in " + stage + ": " + message;
            store.pause(account.id(), reason, LocalDateTime.now(clock));
            log.error("Paused {}: {}", account.label(), reason);
            alerts.notify(alert(account, "Paused: " + account.label() + " failed " + streak + " runs in a row",
                    businessDate, health, "Its later runs skip it and its stock stays marked stale. Fix the cause, "
                            + "then resume it: " + resumeCommand(account)));
        } else if (streak == properties.alertAfter()) {
            alerts.notify(alert(account, account.label() + " failed " + streak + " runs in a row", businessDate, health,
                    "It will be paused after " + properties.pauseAfter() + " failed runs in a row. Look at the run's "
                            + "failed account in the logs or the admin web."));
        }
    }

    /**
     * A person takes the account out of the nightly runs until it is resumed (its stock stays marked stale), saying
     * why.
     *
     * @throws IllegalArgumentException when there is no reason, or no enabled account of that name
     */
    public void pause(String accountLabel, String reason, String who) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why " + accountLabel + " is paused (reason=…)");
        }
        MallAccount account = accounts.byLabel(accountLabel);
        store.pause(account.id(), "paused by " + who + ": " + reason.strip(), LocalDateTime.now(clock));
        log.info("{} paused account {}: {}", who, account.label(), reason.strip());
    }

    /** Back in the nightly runs: not paused, streak cleared. */
    public void resume(String accountLabel, String who) {
        MallAccount account = accounts.byLabel(accountLabel);
        store.resume(account.id());
        log.info("{} resumed account {}", who, account.label());
    }

    /** The documented command that resumes an account. */
    public static String resumeCommand(MallAccount account) {
        return "java -jar mallbatch.jar --mallbatch.command=resume-account account=" + account.label();
    }

    private static Alert alert(MallAccount account, String title, LocalDate businessDate, AccountHealth health,
                               String context) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Account", account.label());
        fields.put("Business date", businessDate.toString());
        fields.put("Failed stage", health.lastFailureStage());
        fields.put("Failed runs in a row", String.valueOf(health.consecutiveFailures()));
        fields.put("Last complete collect", health.lastSuccessDate() == null ? "never" : health.lastSuccessDate().toString());
        fields.put("Error", health.lastFailureMessage());
        return new Alert(account.tenantKey(), title, fields, context);
    }
}
