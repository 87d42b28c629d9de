package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The {@code mallbatch.crawl.success.rate} gauges, one per site and account, registered once and set after each crawl. */
final class CrawlSuccessRates {

    private final MeterRegistry meters;
    private final Map<String, AtomicReference<Double>> rates = new ConcurrentHashMap<>();

    CrawlSuccessRates(MeterRegistry meters) {
        this.meters = meters;
    }

    void set(MallAccount account, long pagesOk, long pagesFailed) {
        rates.computeIfAbsent(account.crawlProfile() + "/" + account.accountKey(), key -> meters.gauge(
                "mallbatch.crawl.success.rate", Tags.of("site", account.crawlProfile(), "account", account.accountKey()),
                new AtomicReference<>(1.0), AtomicReference::get))
                .set(pagesOk + pagesFailed == 0 ? 1.0 : (double) pagesOk / (pagesOk + pagesFailed));
    }
}
