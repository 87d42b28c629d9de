package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.smartstore.SmartStoreCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Commerce API token endpoint as documented: a form-encoded client-credentials request signed with bcrypt, a
 * 5-minute timestamp window, 3-hour tokens reused while 30 minutes remain, and 401 GW.AUTHN for calls without a live
 * token. smartstore01 and smartstore02 have own-store applications (type SELF).
 */
class SmartStoreTokenTest {

    private static final String SETTLE = "/external/v1/pay-settle/settle/daily?startDate=2026-11-01&endDate=2026-11-21"
            + "&pageNumber=1&pageSize=10";

    private static SandboxServer sandbox;
    private static SmartStoreCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.small().withMalls(0).withSellerCenters(0, 0, 10).withLineSellerCenters(0)
                .withSize(10, 2, 5, 3).withToday(LocalDate.of(2026, 11, 21)).withSmartStoreSellers(2).withSmartStoreRate(1000), 0);
        calls = new SmartStoreCalls(sandbox);
    }

    @AfterEach
    void clear() {
        sandbox.smartStore().clearFaults();
        sandbox.faults().clear();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SmartStoreSeller seller(String id) {
        return sandbox.smartStore().seller(id);
    }

    @Test
    void aSignedRequestGetsAThreeHourBearerTokenAndTheSameTokenWhileMoreThanHalfAnHourRemains() throws Exception {
        SmartStoreSeller seller = seller("smartstore01");
        assertThat(seller.clientSecret()).startsWith("$2a$04$").hasSize(29);
        assertThat(sandbox.smartStoreBaseUrl("smartstore01")).as("the documented base URL's stand-in")
                .isEqualTo(sandbox.baseUrl() + "/smartstore/smartstore01/external");
        assertThat(seller.tokenType()).isEqualTo("SELF");

        Answer first = calls.requestToken("smartstore01", calls.tokenForm(seller, System.currentTimeMillis()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(first.body().path("expires_in").asLong()).isBetween(10_790L, 10_800L);
        assertThat(first.header("GNCP-GW-Trace-ID")).isNotBlank();
        String token = first.body().path("access_token").asString();

        Answer again = calls.requestToken("smartstore01", calls.tokenForm(seller, System.currentTimeMillis()));
        assertThat(again.body().path("access_token").asString()).as("same token while >= 30 min remain").isEqualTo(token);

        // 2 h 31 min later (as far as the tokens know) only 29 minutes remain: a new token, and the old one still works
        seller.ageAccessTokens(Duration.ofMinutes(151));
        Answer renewed = calls.requestToken("smartstore01", calls.tokenForm(seller, System.currentTimeMillis()));
        String fresh = renewed.body().path("access_token").asString();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(renewed.body().path("expires_in").asLong()).isBetween(10_790L, 10_800L);
        assertThat(calls.get("smartstore01", SETTLE, token).status()).as("the old token until it expires").isEqualTo(200);
        assertThat(calls.get("smartstore01", SETTLE, fresh).status()).isEqualTo(200);
    }

    @Test
    void aUrlSafeBase64SignatureIsAcceptedToo() throws Exception {
        SmartStoreSeller seller = seller("smartstore02");
        long now = System.currentTimeMillis();
        Map<String, String> form = calls.tokenForm(seller, now);
        form.put("client_secret_sign", SmartStoreCalls.sign(seller.clientId(), seller.clientSecret(), now, Base64.getUrlEncoder()));
        assertThat(calls.requestToken("smartstore02", form).status()).isEqualTo(200);
    }

    @Test
    void aSignatureMadeWithAnotherSecretOrForAnotherTimestampIsRefused() throws Exception {
        SmartStoreSeller seller = seller("smartstore01");
        long now = System.currentTimeMillis();
        Map<String, String> wrongSecret = calls.tokenForm(seller, now);
        wrongSecret.put("client_secret_sign", SmartStoreCalls.sign(seller.clientId(), seller("smartstore02").clientSecret(),
                now, Base64.getEncoder()));
        assertRefused(calls.requestToken("smartstore01", wrongSecret), 400, "client_secret_sign");

        Map<String, String> otherTimestamp = calls.tokenForm(seller, now);
        otherTimestamp.put("timestamp", String.valueOf(now + 1));
        assertRefused(calls.requestToken("smartstore01", otherTimestamp), 400, "client_secret_sign");

        Map<String, String> plainSecret = calls.tokenForm(seller, now);
        plainSecret.put("client_secret_sign", seller.clientSecret());
        assertRefused(calls.requestToken("smartstore01", plainSecret), 400, "client_secret_sign");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffEitherWayIsRefusedNamingTheClock() throws Exception {
        SmartStoreSeller seller = seller("smartstore01");
        long now = System.currentTimeMillis();
        Answer stale = calls.requestToken("smartstore01", calls.tokenForm(seller, now - Duration.ofMinutes(6).toMillis()));
        assertRefused(stale, 400, "timestamp");
        assertThat(stale.body().path("invalidInputs").get(0).path("message").asString()).contains("5분", "서버 시각");
        assertRefused(calls.requestToken("smartstore01", calls.tokenForm(seller, now + Duration.ofMinutes(6).toMillis())),
                400, "timestamp");
        assertThat(calls.requestToken("smartstore01", calls.tokenForm(seller, now - Duration.ofMinutes(4).toMillis())).status())
                .as("within the window").isEqualTo(200);
    }

    @Test
    void theRequestMustBeTheDocumentedFormWithTheDocumentedFields() throws Exception {
        SmartStoreSeller seller = seller("smartstore01");
        Map<String, String> form = calls.tokenForm(seller, System.currentTimeMillis());

        Map<String, String> noSign = new java.util.LinkedHashMap<>(form);
        noSign.remove("client_secret_sign");
        assertRefused(calls.requestToken("smartstore01", noSign), 400, "client_secret_sign");

        Map<String, String> password = new java.util.LinkedHashMap<>(form);
        password.put("grant_type", "password");
        assertRefused(calls.requestToken("smartstore01", password), 400, "grant_type");

        Map<String, String> selfWithAccount = new java.util.LinkedHashMap<>(form);
        selfWithAccount.put("account_id", "smartstore01");
        assertRefused(calls.requestToken("smartstore01", selfWithAccount), 400, "account_id");

        Map<String, String> unknownClient = new java.util.LinkedHashMap<>(form);
        unknownClient.put("client_id", "sbxNoSuchApplication000");
        assertRefused(calls.requestToken("smartstore01", unknownClient), 400, "client_id");

        Map<String, String> sellerType = new java.util.LinkedHashMap<>(form);
        sellerType.put("type", "SELLER");
        sellerType.put("account_id", "smartstore01");
        assertRefused(calls.requestToken("smartstore01", sellerType), 403, "account_id");

        // the same fields as JSON are no form: nothing arrives
        var json = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.smartStoreBaseUrl("smartstore01")
                        + "/v1/oauth2/token")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SmartStoreCalls.JSON.writeValueAsString(form))).build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(json, java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
    }

    @Test
    void callsWithoutALiveTokenOfThisSellerAnswer401GwAuthn() throws Exception {
        Answer none = calls.get("smartstore01", SETTLE, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("code").asString()).isEqualTo("GW.AUTHN");
        assertThat(none.body().path("message").asString()).isEqualTo("요청을 보낼 권한이 없습니다.");
        assertThat(none.body().path("traceId").asString()).isEqualTo(none.header("GNCP-GW-Trace-ID"));
        assertThat(SmartStoreCalls.seoul(none.body().path("timestamp").asString())).isNotNull();
        assertThat(none.header("GNCP-GW-RateLimit-Remaining")).as("no application, no bucket").isNull();

        assertThat(calls.get("smartstore01", SETTLE, "not-a-token").status()).isEqualTo(401);
        String other = calls.newToken("smartstore02");
        assertThat(calls.get("smartstore01", SETTLE, other).status()).as("another seller's token").isEqualTo(401);

        String token = calls.newToken("smartstore01");
        assertThat(calls.get("smartstore01", SETTLE, token).status()).isEqualTo(200);
        seller("smartstore01").expireAccessTokens();
        Answer expired = calls.get("smartstore01", SETTLE, token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("code").asString()).isEqualTo("GW.AUTHN");
        assertThat(calls.get("smartstore02", SETTLE, other).status()).as("only that seller's tokens expired").isEqualTo(200);
        String renewed = calls.newToken("smartstore01");
        assertThat(renewed).isNotEqualTo(token);
        assertThat(calls.get("smartstore01", SETTLE, renewed).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRouteIsTheGatewaysNotFound() throws Exception {
        Answer v1Detail = calls.get("smartstore01", "/external/v1/products/origin-products/1");
        assertThat(v1Detail.status()).isEqualTo(404);
        assertThat(v1Detail.body().path("code").asString()).isEqualTo("GW.NOT_FOUND");
        assertThat(calls.get("smartstore01", "/external/v1/products/search").status()).as("search is a POST").isEqualTo(404);
    }

    @Test
    void anIpThatIsNotRegisteredIsRefusedAtTheTokenEndpointAndOnEveryCall() throws Exception {
        String token = calls.newToken("smartstore01");
        seller("smartstore01").ipNotAllowed(true);
        Answer api = calls.get("smartstore01", SETTLE, token);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body().path("code").asString()).isEqualTo("GW.IP_NOT_ALLOWED");
        Answer issue = calls.requestToken("smartstore01", calls.tokenForm(seller("smartstore01"), System.currentTimeMillis()));
        assertThat(issue.status()).isEqualTo(403);
        assertThat(issue.body().path("code").asString()).isEqualTo("GW.IP_NOT_ALLOWED");
        assertThat(calls.get("smartstore02", SETTLE, calls.newToken("smartstore02")).status()).isEqualTo(200);
    }

    private static void assertRefused(Answer answer, int status, String field) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("code").asString()).isEqualTo(status == 400 ? "BAD_REQUEST" : "FORBIDDEN");
        assertThat(answer.body().path("timestamp").asString()).isNotBlank();
        assertThat(SmartStoreCalls.list(answer.body().path("invalidInputs"))).extracting(i -> i.path("name").asString())
                .contains(field);
    }
}
