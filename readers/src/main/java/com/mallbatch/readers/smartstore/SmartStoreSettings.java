package com.mallbatch.readers.smartstore;

import com.mallbatch.readers.api.ApiSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the SmartStore (Naver Commerce API) client behaves ({@code mallbatch.smartstore.*}).
 *
 * @param baseUrl            the API root, {@code https://api.commerce.naver.com/external}; an account's own base URL
 *                           wins (the sandbox, an agency's {@code /partner} root)
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time to wait for an answer; a stalled call is retried
 * @param maxRetries         retries of a transient failure (I/O, 5xx, GW.RATE_LIMIT, an expired token)
 * @param initialBackoff     first retry delay, doubled each time
 * @param maxBackoff         longest retry delay
 * @param guessedRatePerSecond the per-API rate assumed until the first answer reports the real one in its
 *                           {@code GNCP-GW-RateLimit-*} headers (Naver publishes no numbers)
 * @param tokenRenewBefore   a token is renewed when less than this is left of its 3 hours (Naver hands out the same
 *                           token while 30 minutes or more remain)
 * @param orderWindow        the span of one change-feed query; Naver's default and safe maximum is 24 hours
 * @param applicationRatePerSecond with several processes (collect workers): each API's rate for one application, as
 *                           its {@code GNCP-GW-RateLimit-Replenish-Rate} says, kept in a budget every process draws on
 *                           ({@code mallbatch.rate-limits.redis-url}); 0: each process learns it from the headers alone
 * @param applicationBurst   that budget's burst ({@code GNCP-GW-RateLimit-Burst-Capacity}); 0: the rate's worth
 */
@ConfigurationProperties("mallbatch.smartstore")
public record SmartStoreSettings(@DefaultValue("https://api.commerce.naver.com/external") String baseUrl,
                                 @DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
                                 @DefaultValue("8") int maxRetries, @DefaultValue("250ms") Duration initialBackoff,
                                 @DefaultValue("8s") Duration maxBackoff,
                                 @DefaultValue("2") double guessedRatePerSecond,
                                 @DefaultValue("30m") Duration tokenRenewBefore,
                                 @DefaultValue("24h") Duration orderWindow,
                                 @DefaultValue("0") double applicationRatePerSecond,
                                 @DefaultValue("0") int applicationBurst) {

    public static SmartStoreSettings defaults() {
        return new SmartStoreSettings("https://api.commerce.naver.com/external", Duration.ofSeconds(5),
                Duration.ofSeconds(20), 8, Duration.ofMillis(250), Duration.ofSeconds(8), 2, Duration.ofMinutes(30),
                Duration.ofHours(24), 0, 0);
    }

    public SmartStoreSettings withRetries(int retries, Duration firstBackoff, Duration longestBackoff) {
        return new SmartStoreSettings(baseUrl, connectTimeout, readTimeout, retries, firstBackoff, longestBackoff,
                guessedRatePerSecond, tokenRenewBefore, orderWindow, applicationRatePerSecond, applicationBurst);
    }

    public SmartStoreSettings withApplicationRate(double perSecond, int burst) {
        return new SmartStoreSettings(baseUrl, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff,
                guessedRatePerSecond, tokenRenewBefore, orderWindow, perSecond, burst);
    }

    /** The platform-neutral part, for the shared client. */
    public ApiSettings api() {
        return new ApiSettings(connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff);
    }
}
