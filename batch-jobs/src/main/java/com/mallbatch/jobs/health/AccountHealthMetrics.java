package com.mallbatch.jobs.health;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Account health as gauges: per account, the data age (hours since the end of its last completely collected business
 * date, computed at each scrape; absent while it never completed one) and its failure streak, and the number of
 * paused accounts. The accounts and their health are re-read by {@link #refresh()}, after every collect run.
 */
public final class AccountHealthMetrics {

    private final AccountHealthStore store;
    private final MallAccounts accounts;
    private final Clock clock;
    private final MultiGauge dataAge;
    private final MultiGauge streak;
    private final AtomicInteger paused = new AtomicInteger();

    public AccountHealthMetrics(AccountHealthStore store, MallAccounts accounts, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.dataAge = MultiGauge.builder("mallbatch.account.data.age").baseUnit("hours")
                .description("Hours since the end of the account's last completely collected business date")
                .register(meters);
        this.streak = MultiGauge.builder("mallbatch.account.failure.streak")
                .description("Failed collect runs in a row").register(meters);
        meters.gauge("mallbatch.accounts.paused", paused);
    }

    public synchronized void refresh() {
        Map<Long, AccountHealth> health = store.all().stream()
                .collect(Collectors.toMap(AccountHealth::accountId, Function.identity()));
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        List<MultiGauge.Row<?>> streaks = new ArrayList<>();
        int pausedCount = 0;
        for (MallAccount account : accounts.enabled()) {
            AccountHealth h = health.getOrDefault(account.id(), AccountHealth.none(account.id()));
            Tags tags = Tags.of("account", account.label(), "platform", account.platform().name());
            if (h.lastSuccessDate() != null) {
                LocalDateTime endOfDate = h.lastSuccessDate().plusDays(1).atStartOfDay();
                ages.add(MultiGauge.Row.of(tags, endOfDate, end -> Math.max(0, Duration.between(end,
                        LocalDateTime.now(clock.withZone(BusinessDate.SEOUL))).toMinutes() / 60.0)));
            }
            streaks.add(MultiGauge.Row.of(tags, h.consecutiveFailures()));
            pausedCount += h.paused() ? 1 : 0;
        }
        dataAge.register(ages, true);
        streak.register(streaks, true);
        paused.set(pausedCount);
    }
}
