package com.mallbatch.jobs.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a failing account calls for people ({@code mallbatch.health.*}).
 *
 * @param alertAfter failed runs in a row after which the tenant is alerted, once
 * @param pauseAfter failed runs in a row after which the account is paused: later runs skip it until it is resumed
 */
@ConfigurationProperties("mallbatch.health")
public record HealthProperties(@DefaultValue("3") int alertAfter, @DefaultValue("7") int pauseAfter) {
}
