package com.mallbatch.readers.cafe24;

import java.time.Duration;

/**
 * How the Cafe24 client behaves.
 *
 * @param apiVersion        sent as X-Cafe24-Api-Version
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       time to wait for a response; a stalled call is retried
 * @param maxRetries        retries of a transient failure (I/O, 5xx, 429, truncated JSON) before the step fails
 * @param initialBackoff    first retry delay, doubled each time
 * @param maxBackoff        longest retry delay
 * @param maxCallsPerSecond spacing between calls to one mall; Cafe24 treats more than 10 a second from one IP as
 *                          abnormal even inside the bucket
 */
public record Cafe24Settings(String apiVersion, Duration connectTimeout, Duration readTimeout, int maxRetries,
                             Duration initialBackoff, Duration maxBackoff, double maxCallsPerSecond) {

    public static Cafe24Settings defaults() {
        return new Cafe24Settings("2025-12-01", Duration.ofSeconds(5), Duration.ofSeconds(20), 8,
                Duration.ofMillis(250), Duration.ofSeconds(8), 10);
    }

    public Cafe24Settings withReadTimeout(Duration timeout) {
        return new Cafe24Settings(apiVersion, connectTimeout, timeout, maxRetries, initialBackoff, maxBackoff, maxCallsPerSecond);
    }

    public Cafe24Settings withRetries(int retries, Duration firstBackoff, Duration longestBackoff) {
        return new Cafe24Settings(apiVersion, connectTimeout, readTimeout, retries, firstBackoff, longestBackoff, maxCallsPerSecond);
    }

    public Cafe24Settings withMaxCallsPerSecond(double rate) {
        return new Cafe24Settings(apiVersion, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff, rate);
    }
}
