package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Tuning of the collect job ({@code mallbatch.collect.*}).
 *
 * @param concurrency       accounts collected at the same time
 * @param platformConcurrency at most this many accounts of a platform at the same time, for platforms that need it
 *                          (e.g. {@code CRAWL: 4}); others are bounded by {@code concurrency} only
 * @param orderLookbackDays days before the business date whose orders are read again, to pick up status changes
 * @param chunkSize         items per transaction
 * @param skipLimit         malformed records (products, variants …) one account's step may skip before it fails
 * @param orderSkipLimit    malformed orders one account's step may skip; 0: an order that cannot be read fails the
 *                          account's collect instead of vanishing
 * @param readTimeout       how long a mall may take to answer one call
 * @param maxCallsPerSecond spacing of calls to one mall, on top of its leaky bucket
 * @param maxRetries        retries of one transient mall failure before the account's step fails
 * @param initialBackoff    first retry delay, doubled on each retry
 * @param maxBackoff        longest retry delay
 * @param progressInterval  how often a running collect logs its progress (0: never)
 */
@ConfigurationProperties("mallbatch.collect")
public record CollectProperties(@DefaultValue("4") int concurrency, @DefaultValue("7") int orderLookbackDays,
                                @DefaultValue("500") int chunkSize, @DefaultValue("1000") int skipLimit,
                                @DefaultValue("0") int orderSkipLimit,
                                @DefaultValue("20s") Duration readTimeout,
                                @DefaultValue("10") double maxCallsPerSecond,
                                @DefaultValue("8") int maxRetries,
                                @DefaultValue("250ms") Duration initialBackoff,
                                @DefaultValue("8s") Duration maxBackoff,
                                Map<Platform, Integer> platformConcurrency,
                                @DefaultValue("30s") Duration progressInterval) {

    public CollectProperties {
        platformConcurrency = platformConcurrency == null ? Map.of() : Map.copyOf(platformConcurrency);
    }
}
