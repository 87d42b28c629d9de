package com.mallbatch.readers.crawl;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * One site's manners, shared by every session crawling it (all accounts, all partitions): at most
 * {@code maxConcurrency} pages in flight and request starts spaced to {@code requestsPerMinute}.
 */
final class SitePoliteness {

    private final Semaphore inFlight;
    private final long spacingNanos;
    private long nextStart = System.nanoTime();

    SitePoliteness(SiteProfile.Politeness politeness) {
        this.inFlight = new Semaphore(Math.max(1, politeness.maxConcurrency()), true);
        this.spacingNanos = politeness.requestsPerMinute() <= 0 ? 0 : 60_000_000_000L / politeness.requestsPerMinute();
    }

    void acquire() {
        inFlight.acquireUninterruptibly();
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStart);
            nextStart = start + spacingNanos;
            wait = start - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    void release() {
        inFlight.release();
    }
}
