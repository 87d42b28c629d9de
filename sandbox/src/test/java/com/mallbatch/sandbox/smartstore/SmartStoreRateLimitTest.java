package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.smartstore.SmartStoreCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's token bucket per API and application, reported on every answer in GNCP-GW-RateLimit-* headers, with
 * 429 GW.RATE_LIMIT when empty; and a solution provider's application reading two sellers with type=SELLER tokens,
 * whose limit both sellers share. Two calls per second, bursts of four.
 */
class SmartStoreRateLimitTest {

    private static final String SETTLE = "/external/v1/pay-settle/settle/daily?startDate=2026-11-01&endDate=2026-11-21"
            + "&pageNumber=1&pageSize=10";

    private static SandboxServer sandbox;
    private static SmartStoreCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(0).withSellerCenters(0, 0, 10).withLineSellerCenters(0)
                .withSize(10, 2, 5, 3).withToday(LocalDate.of(2026, 11, 21)).withSmartStoreSellers(3)
                .withSmartStoreSellersPerApplication(2).withSmartStoreRate(2), 0);
        calls = new SmartStoreCalls(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aSolutionsApplicationGetsSellerTokensForTheSellersItServesOnly() throws Exception {
        SmartStoreSeller first = sandbox.smartStore().seller("smartstore01");
        SmartStoreSeller second = sandbox.smartStore().seller("smartstore02");
        SmartStoreSeller third = sandbox.smartStore().seller("smartstore03");
        assertThat(first.tokenType()).isEqualTo("SELLER");
        assertThat(second.clientId()).isEqualTo(first.clientId());
        assertThat(third.clientId()).as("the next application").isNotEqualTo(first.clientId());

        long now = System.currentTimeMillis();
        assertThat(calls.requestToken("smartstore01", calls.tokenForm(first, now)).status()).isEqualTo(200);
        Map<String, String> byUid = calls.tokenForm(second, now);
        byUid.put("account_id", second.accountUid());
        assertThat(calls.requestToken("smartstore02", byUid).status()).as("the seller UID as account_id").isEqualTo(200);

        Map<String, String> self = calls.tokenForm(first, now);
        self.put("type", "SELF");
        self.remove("account_id");
        assertThat(calls.requestToken("smartstore01", self).status()).isEqualTo(403);

        Map<String, String> foreign = calls.tokenForm(first, now);
        foreign.put("account_id", "smartstore03");
        Answer refused = calls.requestToken("smartstore01", foreign);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("invalidInputs").get(0).path("name").asString()).isEqualTo("account_id");
    }

    @Test
    void everyAnswerCarriesTheBucketAnEmptyBucketAnswers429AndTheSellersOfOneApplicationShareIt() throws Exception {
        String token1 = calls.newToken("smartstore01");
        String token2 = calls.newToken("smartstore02");
        String token3 = calls.newToken("smartstore03");
        awaitTokens("smartstore01", SmartStoreSeller.SETTLE_DAILY, 4); // full
        awaitTokens("smartstore01", SmartStoreSeller.SEARCH, 4);

        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(calls.get("smartstore01", SETTLE, token1));
        }
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("GNCP-GW-RateLimit-Replenish-Rate")).isEqualTo("2");
            assertThat(a.header("GNCP-GW-RateLimit-Burst-Capacity")).isEqualTo("4");
        });
        assertThat(answers).extracting(a -> Integer.parseInt(a.header("GNCP-GW-RateLimit-Remaining")))
                .as("a burst of twice the rate, counted down").containsExactly(3, 2, 1, 0);

        // the same API on the other seller of the application: its bucket is empty too
        Answer limited = calls.get("smartstore02", SETTLE, token2);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("code").asString()).isEqualTo("GW.RATE_LIMIT");
        assertThat(limited.body().path("message").asString()).isNotBlank();
        assertThat(limited.body().path("traceId").asString()).isEqualTo(limited.header("GNCP-GW-Trace-ID"));
        assertThat(limited.header("GNCP-GW-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("GNCP-GW-RateLimit-Replenish-Rate")).isEqualTo("2");
        assertThat(limited.header("GNCP-GW-RateLimit-Burst-Capacity")).isEqualTo("4");

        // another API has a bucket of its own, and another application too
        Answer search = calls.post("smartstore02", "/external/v1/products/search", Map.of("page", 1));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("GNCP-GW-RateLimit-Remaining")).isEqualTo("3");
        assertThat(calls.get("smartstore03", SETTLE, token3).status()).isEqualTo(200);

        awaitTokens("smartstore02", SmartStoreSeller.SETTLE_DAILY, 1); // a token back, half a second at 2 a second
        assertThat(calls.get("smartstore02", SETTLE, token2).status()).isEqualTo(200);
        assertThat(sandbox.smartStore().seller("smartstore02").rejected429()).isEqualTo(1);
    }

    /** Waits, without spending any, until the application's bucket of {@code api} holds {@code tokens}. */
    private void awaitTokens(String sellerId, String api, int tokens) {
        TokenBucket bucket = sandbox.smartStore().seller(sellerId).application().bucket(api);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bucket.available() < tokens) {
            assertThat(System.nanoTime()).as("%s's %s bucket to hold %d tokens", sellerId, api, tokens).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
