package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * At most N accounts of one platform collected at once, where the platform asks for it (an API budget shared by every
 * account of one application, a crawled site's patience); platforms without a limit are bounded by the job's
 * concurrency only.
 */
final class PlatformPermits {

    private final Map<Platform, Semaphore> permits = new EnumMap<>(Platform.class);

    PlatformPermits(Map<Platform, Integer> limits) {
        limits.forEach((platform, limit) -> permits.put(platform, new Semaphore(Math.max(1, limit), true)));
    }

    /** Runs {@code work} holding one of the platform's permits, if it has any. */
    void run(Platform platform, Runnable work) throws InterruptedException {
        Semaphore semaphore = permits.get(platform);
        if (semaphore == null) {
            work.run();
            return;
        }
        semaphore.acquire();
        try {
            work.run();
        } finally {
            semaphore.release();
        }
    }
}
