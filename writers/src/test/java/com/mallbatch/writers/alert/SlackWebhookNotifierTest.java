package com.mallbatch.writers.alert;

import com.mallbatch.domain.port.AlertNotifier.Alert;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.webhook.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Slack-compatible notifier against the sandbox's webhook receiver over real HTTP. */
class SlackWebhookNotifierTest {

    static SandboxServer sandbox;
    WebhookReceiver hooks;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(0).withSellerCenters(0, 0, 10).withLineSellerCenters(0), 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clear() {
        hooks = sandbox.webhooks();
        hooks.clear();
    }

    private SlackWebhookNotifier notifier(Duration spacing) {
        return new SlackWebhookNotifier(new SlackWebhookNotifier.Webhooks(sandbox.webhookUrl("global"),
                Map.of("acme", sandbox.webhookUrl("acme"))), Duration.ofSeconds(5), spacing, Duration.ofMillis(20));
    }

    private static Alert alert(String tenant, int fields, int length) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i <= fields; i++) {
            values.put("Field " + i, "가".repeat(length));
        }
        return new Alert(tenant, "acme/CAFE24/acmeshop failed 3 runs in a row", values, "Look at the run in the admin web.");
    }

    @Test
    void aMessageIsBlockKitWithinSlacksLimitsAndGoesToTheTenantsOwnWebhook() {
        notifier(Duration.ZERO).notify(alert("acme", 12, 3_000));
        notifier(Duration.ZERO).notify(alert("other", 1, 10));

        JsonNode message = JsonMapper.builder().build().readTree(hooks.received("acme").get(0).body());
        assertThat(message.path("text").asString()).contains("failed 3 runs in a row");
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("header");
        assertThat(blocks.get(1).path("fields")).hasSize(10);
        assertThat(blocks.get(1).path("fields").get(0).path("text").asString()).hasSizeLessThanOrEqualTo(2_000);
        assertThat(blocks.get(2).path("type").asString()).isEqualTo("context");
        assertThat(hooks.received("global")).as("a tenant without a webhook of its own uses the global one").hasSize(1);
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndA500IsRetriedWithoutEverFailingTheCaller() {
        hooks.rateLimitNext(1, 1);
        long started = System.nanoTime();
        notifier(Duration.ZERO).notify(alert("acme", 2, 10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(hooks.received("acme")).hasSize(1);

        hooks.failNext(10);
        notifier(Duration.ZERO).notify(alert("acme", 2, 10)); // gives up, logs, returns
        assertThat(hooks.received("acme")).hasSize(1);
        assertThat(hooks.attempts()).isEqualTo(2 + 4);
    }

    @Test
    void messagesToOneWebhookAreSpacedAtLeastASecondApart() {
        SlackWebhookNotifier notifier = notifier(Duration.ofSeconds(1));
        notifier.notify(alert("acme", 1, 10));
        notifier.notify(alert("acme", 1, 10));
        notifier.notify(alert("acme", 1, 10));

        List<WebhookReceiver.Message> received = hooks.received("acme");
        assertThat(received).hasSize(3);
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).receivedNanos() - received.get(i - 1).receivedNanos()).isGreaterThan(900_000_000L);
        }
    }

    @Test
    void withoutAWebhookTheAlertGoesToTheLogOnly() {
        new SlackWebhookNotifier(new SlackWebhookNotifier.Webhooks(null, Map.of()), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO)
                .notify(alert("acme", 1, 10));
        assertThat(hooks.attempts()).isZero();
    }
}
