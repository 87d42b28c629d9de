package com.mallbatch.jobs.launch;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a backfill checks before anything starts, each problem on its field with its code. */
class BackfillPlanTest {

    /** 2026-11-21 09:00 in Seoul: the latest business date that has ended is 2026-11-20. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneId.of("Asia/Seoul"));
    static final LocalDate LAST = LocalDate.of(2026, 11, 20);

    final JobLaunchService launcher = mock(JobLaunchService.class);
    final MallAccounts accounts = new MallAccounts() {
        final List<MallAccount> all = List.of(account(1, "acme", "one"), account(2, "acme", "two"), account(3, "beta", "three"));

        @Override
        public List<MallAccount> enabled() {
            return all;
        }

        @Override
        public MallAccount byId(long id) {
            return all.get((int) id - 1);
        }
    };
    final Backfill backfill = new Backfill(launcher, mock(JobRepository.class), accounts,
            new BackfillProperties(7, 2, 3, 2), CLOCK);

    @BeforeEach
    void jobs() {
        when(launcher.jobNames()).thenReturn(List.of("collectJob", "reconcileJob", "settlementJob"));
        when(launcher.parameterProblem(anyString(), any())).thenReturn(Optional.empty());
    }

    @Test
    void aRangeBecomesItsDatesOldestFirstWithTheSelectionAsIdentifyingParameters() {
        Backfill.Plan plan = backfill.plan(new Backfill.Request("collectJob", LAST.minusDays(2), LAST,
                AccountSelection.of("acme", List.of("acme/CAFE24/two", "acme/CAFE24/one")), null));

        assertThat(plan.dates()).containsExactly(LAST.minusDays(2), LAST.minusDays(1), LAST);
        assertThat(plan.concurrency()).as("the default").isEqualTo(2);
        assertThat(JobLaunchService.describe(plan.parameters(LAST)))
                .isEqualTo("accounts=acme/CAFE24/one+acme/CAFE24/two businessDate=2026-11-20 tenant=acme");
        assertThat(backfill.plan(new Backfill.Request("reconcileJob", LAST, null, null, 1)).dates())
                .as("no last date: one date").containsExactly(LAST);
    }

    @Test
    void everyProblemIsNamedOnItsFieldBeforeAnythingStarts() {
        assertThat(codes(new Backfill.Request("nightJob", LAST.plusDays(1), LAST, AccountSelection.of("gamma",
                List.of("acme/CAFE24/nine")), 9))).containsExactlyInAnyOrder("job:job.unknown", "from:date.notEnded",
                "to:to.beforeFrom", "concurrency:concurrency.range", "tenant:tenant.unknown", "accounts:account.unknown");
        assertThat(codes(new Backfill.Request("settlementJob", null, null, AccountSelection.of("beta",
                List.of("acme/CAFE24/one")), 0))).containsExactlyInAnyOrder("job:job.notDaily", "from:from.required",
                "concurrency:concurrency.range", "accounts:account.otherTenant");
        assertThat(codes(new Backfill.Request("collectJob", LAST.minusDays(7), LAST, null, null)))
                .as("eight days, seven allowed").containsExactly("to:range.tooLong");
        verify(launcher, never()).launch(anyString(), any(), anyString());
    }

    @Test
    void aDateThatAlreadyCompletedRefusesTheWholeBackfill() {
        when(launcher.completed(eq("collectJob"), argThat((JobParameters p) ->
                LAST.minusDays(1).toString().equals(p.getString("businessDate"))))).thenReturn(true);

        assertThatThrownBy(() -> backfill.plan(new Backfill.Request("collectJob", LAST.minusDays(2), LAST, null, 2)))
                .isInstanceOfSatisfying(BackfillRefusedException.class, e -> {
                    assertThat(e.problems()).extracting(LaunchProblem::code).containsExactly("date.completed");
                    assertThat(e.getMessage()).isEqualTo("collectJob businessDate=2026-11-19 already completed; "
                            + "leave that date out");
                });
        verify(launcher, never()).launch(anyString(), any(), anyString());
    }

    private List<String> codes(Backfill.Request request) {
        try {
            backfill.plan(request);
            throw new AssertionError("not refused");
        } catch (BackfillRefusedException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
        }
    }

    private static MallAccount account(long id, String tenant, String key) {
        return new MallAccount(id, tenant, Platform.CAFE24, key, null, RateBudget.CAFE24_DEFAULT, null, true);
    }
}
