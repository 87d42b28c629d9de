package com.mallbatch.jobs.scaleout;

import com.mallbatch.readers.api.CallBudget;
import com.mallbatch.readers.ratelimit.SharedRateLimits;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.DisposableBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Budgets shared by every process through Redis: Bucket4j's Lettuce integration keeps each named bucket in one Redis
 * key ({@code mallbatch:budget:NAME}) and takes tokens with compare-and-swap, so two workers drawing on the same name
 * together stay within its rate. The key expires once the bucket would be full again, leaving nothing behind.
 */
final class RedisRateLimits implements SharedRateLimits, DisposableBean {

    private final RedisClient client;
    private final ProxyManager<byte[]> buckets;

    RedisRateLimits(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public CallBudget budget(String name, long capacity, double perSecond) {
        byte[] key = ("mallbatch:budget:" + name).getBytes(StandardCharsets.UTF_8);
        return new BucketCallBudget(buckets.builder()
                .build(key, () -> BucketCallBudget.configuration(capacity, perSecond)).asBlocking());
    }

    @Override
    public void destroy() {
        client.shutdown();
    }
}
