package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The accounts the accounts pages' web tests show: a paused crawled one, with a failed run and a failed fetch. */
final class AccountsWebFixtures {

    static final long ID = 5;
    static final String LABEL = "acme/CRAWL/stylemarket01";
    /** What a secret looks like; no page may contain it. */
    static final String SECRET = "s3cr3t-seller-center-password";

    private AccountsWebFixtures() {
    }

    static MallAccount account() {
        return new MallAccount(ID, "acme", Platform.CRAWL, "stylemarket01", "http://127.0.0.1:9/sc",
                RateBudget.CAFE24_DEFAULT, "stylemarket", true);
    }

    static AccountQueries.Details details(boolean paused) {
        AccountHealth health = new AccountHealth(ID, LocalDate.of(2026, 11, 18), LocalDateTime.of(2026, 11, 21, 2, 5),
                "collectProducts", "login did not land", 3, paused, paused ? "paused by kim: site moved" : null,
                paused ? LocalDateTime.of(2026, 11, 21, 3, 0) : null);
        AccountQueries.Summary summary = new AccountQueries.Summary(ID, "acme", "에이크미", Platform.CRAWL,
                "stylemarket01", LABEL, "stylemarket", true, health, 3L,
                new AccountQueries.LastRun(41, "FAILED", LocalDateTime.of(2026, 11, 21, 2, 0)));
        return new AccountQueries.Details(summary, "http://127.0.0.1:9/sc", 40, 2.0,
                List.of(new AccountQueries.FailedRun(41, "FAILED", LocalDateTime.of(2026, 11, 21, 2, 0),
                        "Site 'stylemarket': login did not land")),
                List.of(new AccountQueries.FetchFailure("http://127.0.0.1:9/sc/login", 503, "HTTP 503", 1,
                        LocalDateTime.of(2026, 11, 21, 2, 1))));
    }
}
