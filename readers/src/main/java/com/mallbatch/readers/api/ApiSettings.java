package com.mallbatch.readers.api;

import java.time.Duration;

/**
 * How a platform's client behaves on the wire.
 *
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       time to wait for an answer; a stalled call is retried
 * @param maxRetries        retries of a transient failure (I/O, 5xx, 429, an expired token, a truncated body)
 * @param initialBackoff    first retry delay, doubled each time
 * @param maxBackoff        longest retry delay
 */
public record ApiSettings(Duration connectTimeout, Duration readTimeout, int maxRetries, Duration initialBackoff,
                          Duration maxBackoff) {
}
