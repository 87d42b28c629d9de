package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Tuning of the collect job ({@code mallbatch.collect.*}); how each platform is called is the adapter's own
 * ({@code mallbatch.cafe24.*}, {@code mallbatch.smartstore.*}, {@code mallbatch.crawl.*}).
 *
 * @param concurrency       accounts collected at the same time
 * @param platformConcurrency at most this many accounts of a platform at the same time, for platforms that need it
 *                          (e.g. {@code CRAWL: 4}); others are bounded by {@code concurrency} only
 * @param orderLookbackDays days before the business date whose orders are read again, to pick up status changes
 * @param chunkSize         items per transaction
 * @param skipLimit         malformed records (products, variants …) one account's step may skip before it fails
 * @param orderSkipLimit    malformed orders one account's step may skip; 0: an order that cannot be read fails the
 *                          account's collect instead of vanishing
 * @param progressInterval  how often a running collect logs its progress (0: never)
 */
@ConfigurationProperties("mallbatch.collect")
public record CollectProperties(@DefaultValue("4") int concurrency, @DefaultValue("7") int orderLookbackDays,
                                @DefaultValue("500") int chunkSize, @DefaultValue("1000") int skipLimit,
                                @DefaultValue("0") int orderSkipLimit,
                                Map<Platform, Integer> platformConcurrency,
                                @DefaultValue("30s") Duration progressInterval) {

    public CollectProperties {
        platformConcurrency = platformConcurrency == null ? Map.of() : Map.copyOf(platformConcurrency);
    }
}
