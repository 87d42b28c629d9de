package com.mallbatch.jobs.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Where alerts go ({@code mallbatch.alerts.*}): a Slack-compatible incoming webhook per tenant, with a global
 * fallback; with neither, alerts go to the log only. Webhook URLs are secrets: keep them out of files others read.
 *
 * @param webhookUrl     the fallback webhook
 * @param tenantWebhooks webhooks by tenant key
 * @param timeout        one post's time limit
 * @param spacing        least time between two posts to one webhook (Slack allows about one a second)
 * @param retryBackoff   wait before retrying a failed post, times the attempt
 */
@ConfigurationProperties("mallbatch.alerts")
public record AlertProperties(String webhookUrl, Map<String, String> tenantWebhooks,
                              @DefaultValue("10s") Duration timeout, @DefaultValue("1s") Duration spacing,
                              @DefaultValue("1s") Duration retryBackoff) {

    public AlertProperties {
        tenantWebhooks = tenantWebhooks == null ? Map.of() : Map.copyOf(tenantWebhooks);
    }
}
