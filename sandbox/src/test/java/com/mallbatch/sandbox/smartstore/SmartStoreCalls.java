package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.springframework.security.crypto.bcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** A plain JDK HTTP client for the sandbox's SmartStore sellers, signing token requests as the docs say. */
final class SmartStoreCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SandboxServer sandbox;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    SmartStoreCalls(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    record Answer(int status, HttpHeaders headers, JsonNode body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** {@code client_secret_sign}: Base64 of bcrypt(client_id + "_" + timestamp) salted with the client secret. */
    static String sign(String clientId, String clientSecret, long timestamp, Base64.Encoder encoder) {
        return encoder.encodeToString(BCrypt.hashpw(clientId + "_" + timestamp, clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The documented token request for {@code seller}, signed now; {@code overrides} replace or (null) drop fields. */
    Map<String, String> tokenForm(SmartStoreSeller seller, long timestamp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", seller.clientId());
        form.put("timestamp", String.valueOf(timestamp));
        form.put("grant_type", "client_credentials");
        form.put("client_secret_sign", sign(seller.clientId(), seller.clientSecret(), timestamp, Base64.getEncoder()));
        form.put("type", seller.tokenType());
        if (seller.tokenType().equals("SELLER")) {
            form.put("account_id", seller.sellerId());
        }
        return form;
    }

    Answer requestToken(String sellerId, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.smartStoreBaseUrl(sellerId) + "/v1/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    /** A fresh token request for the seller; the answer's access_token. */
    String newToken(String sellerId) throws Exception {
        SmartStoreSeller seller = sandbox.smartStore().seller(sellerId);
        Answer answer = requestToken(sellerId, tokenForm(seller, System.currentTimeMillis()));
        if (answer.status() != 200) {
            throw new AssertionError("token refused: " + answer.body());
        }
        return answer.body().path("access_token").asString();
    }

    /** A token for the seller, asked for once and then reused (refreshed when it stops working). */
    String token(String sellerId) throws Exception {
        String token = tokens.get(sellerId);
        if (token == null) {
            token = newToken(sellerId);
            tokens.put(sellerId, token);
        }
        return token;
    }

    void forgetTokens() {
        tokens.clear();
    }

    Answer get(String sellerId, String pathAndQuery) throws Exception {
        return get(sellerId, pathAndQuery, token(sellerId));
    }

    Answer get(String sellerId, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root(sellerId) + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer post(String sellerId, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root(sellerId) + path))
                .header("Authorization", "Bearer " + token(sellerId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return send(request);
    }

    /** One page of last-changed-statuses. */
    Answer changes(String sellerId, LocalDateTime from, LocalDateTime to, Integer limit, String moreSequence) throws Exception {
        StringBuilder q = new StringBuilder("/external/v1/pay-order/seller/product-orders/last-changed-statuses?lastChangedFrom=")
                .append(time(from));
        if (to != null) {
            q.append("&lastChangedTo=").append(time(to));
        }
        if (limit != null) {
            q.append("&limitCount=").append(limit);
        }
        if (moreSequence != null) {
            q.append("&moreSequence=").append(moreSequence);
        }
        return get(sellerId, q.toString());
    }

    /** Every change in [from, to], page after page with moreFrom / moreSequence, in the order served. */
    List<JsonNode> allChanges(String sellerId, LocalDateTime from, LocalDateTime to, Integer limit) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        LocalDateTime pageFrom = from;
        String sequence = null;
        for (int page = 0; page < 10_000; page++) {
            Answer answer = changes(sellerId, pageFrom, to, limit, sequence);
            if (answer.status() != 200) {
                throw new AssertionError("changes refused: " + answer.status() + " " + answer.body());
            }
            JsonNode data = answer.body().path("data");
            data.path("lastChangeStatuses").forEach(all::add);
            JsonNode more = data.path("more");
            if (more.isMissingNode()) {
                return all;
            }
            pageFrom = java.time.OffsetDateTime.parse(more.path("moreFrom").asString())
                    .atZoneSameInstant(SandboxConfig.SEOUL).toLocalDateTime();
            sequence = more.path("moreSequence").asString();
        }
        throw new AssertionError("no end of pages");
    }

    /** The seller's prefix, which stands in for https://api.commerce.naver.com: paths below it start /external/. */
    private String root(String sellerId) {
        return sandbox.baseUrl() + "/smartstore/" + sellerId;
    }

    JsonNode truth(String sellerId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/smartstore/" + sellerId
                + "/ground-truth")).GET().build();
        return send(request).body();
    }

    static String time(LocalDateTime seoul) {
        return encode(seoul.atZone(SandboxConfig.SEOUL).format(DATE_TIME));
    }

    static LocalDateTime seoul(String apiTime) {
        return java.time.OffsetDateTime.parse(apiTime).atZoneSameInstant(SandboxConfig.SEOUL).toLocalDateTime();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers(), body);
    }
}
