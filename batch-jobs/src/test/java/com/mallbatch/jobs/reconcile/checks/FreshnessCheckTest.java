package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Freshness;
import com.mallbatch.domain.reconcile.Verdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessCheckTest {

    final FakeFacts facts = new FakeFacts();
    AccountHealth health = AccountHealth.none(7);
    final FreshnessCheck check = new FreshnessCheck(facts, new OneAccountHealth(), java.time.Clock.systemUTC());

    @Test
    void freshDataPasses() {
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.results()).extracting(CheckResult::verdict).containsOnly(Verdict.PASS);
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void hoursBeyondTheLimitsWarnThenFail() {
        facts.freshness = new Freshness(27.0, 0, 10, 37.0, true);
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.results()).extracting(CheckResult::subject, CheckResult::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stock", Verdict.WARN),
                        org.assertj.core.groups.Tuple.tuple("orders", Verdict.FAIL));
    }

    @Test
    void anAccountThatDidNotCollectTheDateWarnsWithItsFailureEvenWhenTheHoursAreFew() {
        facts.freshness = new Freshness(20.0, 40, 0, 20.0, false);
        health = new AccountHealth(7, LocalDate.of(2026, 11, 19), LocalDateTime.now(), "collectProducts",
                "Site 'easyseller' at /products: answered HTTP 503", 1, false, null, null);
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.results()).extracting(CheckResult::verdict).containsOnly(Verdict.WARN);
        assertThat(outcome.results().get(0).detail()).contains("40 stock rows kept stale", "HTTP 503");
        assertThat(outcome.findings()).hasSize(2);
    }

    @Test
    void aPausedAccountWarnsAndSaysWhy() {
        health = new AccountHealth(7, LocalDate.of(2026, 11, 20), null, null, null, 0, true, "5 failures in a row",
                LocalDateTime.of(2026, 11, 20, 3, 0));
        CheckOutcome outcome = check.run(FakeFacts.scope());
        assertThat(outcome.results()).extracting(CheckResult::verdict).containsOnly(Verdict.WARN);
        assertThat(outcome.results().get(1).detail()).contains("paused", "5 failures in a row");
    }

    @Test
    void neverCollectedFails() {
        facts.freshness = new Freshness(null, 0, 0, null, false);
        assertThat(check.run(FakeFacts.scope()).results()).extracting(CheckResult::verdict).containsOnly(Verdict.FAIL);
    }

    private final class OneAccountHealth implements AccountHealthStore {
        public AccountHealth get(long accountId) {
            return health;
        }

        public List<AccountHealth> all() {
            return List.of(health);
        }

        public AccountHealth succeeded(long accountId, LocalDate businessDate) {
            throw new UnsupportedOperationException();
        }

        public AccountHealth failed(long accountId, LocalDateTime at, String stage, String message) {
            throw new UnsupportedOperationException();
        }

        public void pause(long accountId, String reason, LocalDateTime at) {
            throw new UnsupportedOperationException();
        }

        public void resume(long accountId) {
            throw new UnsupportedOperationException();
        }
    }
}
