package com.mallbatch.jobs.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mallbatch.launch.backfill.*}: how long a range a backfill may cover, how many of its dates may run at a time
 * (a person picks up to {@code maxConcurrency}; {@code defaultConcurrency} when they do not say), and how many
 * backfills the admin web runs at once.
 */
@ConfigurationProperties("mallbatch.launch.backfill")
public record BackfillProperties(@DefaultValue("31") int maxDays, @DefaultValue("2") int defaultConcurrency,
                                 @DefaultValue("4") int maxConcurrency, @DefaultValue("2") int maxRunning) {

    public BackfillProperties {
        if (maxDays < 1 || maxConcurrency < 1 || maxRunning < 1 || defaultConcurrency < 1
                || defaultConcurrency > maxConcurrency) {
            throw new IllegalArgumentException("mallbatch.launch.backfill: max-days, max-concurrency and max-running must "
                    + "be at least 1, default-concurrency between 1 and max-concurrency");
        }
    }
}
