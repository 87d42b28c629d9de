package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Outages and transient failures aimed at one mall by its full path, or at an endpoint of every mall. */
class Cafe24MallFaultsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDERS = "/api/v2/admin/orders/count?start_date=2026-11-01&end_date=2026-11-21";
    private static final String PRODUCTS = "/api/v2/admin/products/count";

    private static SandboxServer sandbox;
    private static final Map<String, String> accessTokens = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(3).withSize(20, 2, 5, 3)
                .withToday(LocalDate.of(2026, 11, 21)).withRate(1000, 1000), 0);
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anOutageOnOneMallsPathBreaksOnlyThatMallsEndpoint() throws Exception {
        sandbox.faults().outage("/cafe24/sandbox02/api/v2/admin/orders");

        assertThat(status("sandbox02", ORDERS)).isEqualTo(503);
        assertThat(status("sandbox01", ORDERS)).isEqualTo(200);
        assertThat(status("sandbox02", PRODUCTS)).isEqualTo(200);
    }

    @Test
    void anOutageOnTheApiPathBreaksThatEndpointOnEveryMall() throws Exception {
        sandbox.faults().outage("/api/v2/admin/orders");

        assertThat(status("sandbox01", ORDERS)).isEqualTo(503);
        assertThat(status("sandbox03", ORDERS)).isEqualTo(503);
        assertThat(status("sandbox01", PRODUCTS)).isEqualTo(200);
    }

    @Test
    void severalOutagesHoldAtOnceUntilCleared() throws Exception {
        sandbox.faults().outages(List.of("/cafe24/sandbox01/api/v2/admin/products", "/cafe24/sandbox02/api/v2/admin/orders"));

        assertThat(status("sandbox01", PRODUCTS)).isEqualTo(503);
        assertThat(status("sandbox02", ORDERS)).isEqualTo(503);
        assertThat(status("sandbox01", ORDERS)).isEqualTo(200);
        assertThat(status("sandbox02", PRODUCTS)).isEqualTo(200);

        sandbox.faults().clear();

        assertThat(status("sandbox01", PRODUCTS)).isEqualTo(200);
        assertThat(status("sandbox02", ORDERS)).isEqualTo(200);
    }

    @Test
    void failNextBreaksTheNextCallsOfOneMallOnly() throws Exception {
        sandbox.faults().failNext("/cafe24/sandbox03/api/v2/admin/products", 2);

        assertThat(status("sandbox01", PRODUCTS)).isEqualTo(200);
        assertThat(status("sandbox03", PRODUCTS)).isEqualTo(503);
        assertThat(status("sandbox03", PRODUCTS)).isEqualTo(503);
        assertThat(status("sandbox03", PRODUCTS)).isEqualTo(200);
    }

    private static int status(String mallId, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mallId) + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken(mallId)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static synchronized String accessToken(String mallId) throws Exception {
        if (!accessTokens.containsKey(mallId)) {
            Cafe24Mall mall = sandbox.cafe24().mall(mallId);
            String basic = Base64.getEncoder().encodeToString((mall.clientId() + ":" + mall.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.cafe24BaseUrl(mallId) + "/api/v2/oauth/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                            + mall.currentRefreshToken()))
                    .build();
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            accessTokens.put(mallId, JSON.readTree(body).path("access_token").asString());
        }
        return accessTokens.get(mallId);
    }
}
