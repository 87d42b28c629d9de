package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.security.crypto.bcrypt.BCrypt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The sandbox's SmartStore sellers over real HTTP, registered as accounts the way the batch registers them (the
 * application's client id and secret; a seller read through a solution's shared application names itself as the
 * seller account id), and the adapter built over them.
 */
final class SmartStoreSandbox implements AutoCloseable {

    /** A fixed "today", so that every run plays the same data. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SandboxServer server;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<Long, MallCredentials> credentials = new ConcurrentHashMap<>();
    private final CredentialStore store = new CredentialStore() {
        @Override
        public MallCredentials load(long accountId) {
            return credentials.get(accountId);
        }

        @Override
        public void save(long accountId, MallCredentials saved) {
            credentials.put(accountId, saved);
        }
    };

    private SmartStoreSandbox(SandboxServer server) {
        this.server = server;
    }

    /** SmartStore sellers only (no Cafe24 mall, no seller center), on the fixed day. */
    static SandboxConfig config() {
        return SandboxConfig.small().withToday(TODAY).withMalls(0).withSellerCenters(0, 0, 10_000)
                .withLineSellerCenters(0);
    }

    static SmartStoreSandbox start(SandboxConfig config) throws IOException {
        return new SmartStoreSandbox(SandboxServer.start(config, 0));
    }

    /** Test settings: quick retries, the defaults otherwise (the rate is learnt from the gateway's headers). */
    static SmartStoreSettings settings() {
        return SmartStoreSettings.defaults().withRetries(8, Duration.ofMillis(20), Duration.ofMillis(500));
    }

    SmartStoreSeller seller(String sellerId) {
        return server.smartStore().seller(sellerId);
    }

    /** The seller as a mall account (id: its number, smartstore02 is 2), its credentials stored. */
    MallAccount account(String sellerId) {
        return account(sellerId, seller(sellerId).clientSecret());
    }

    /** The seller as an account whose stored client secret is {@code clientSecret}. */
    MallAccount account(String sellerId, String clientSecret) {
        SmartStoreSeller seller = seller(sellerId);
        long id = Long.parseLong(sellerId.substring("smartstore".length()));
        String onBehalfOf = seller.tokenType().equals("SELLER") ? seller.sellerId() : null;
        credentials.put(id, new MallCredentials(seller.clientId(), clientSecret, onBehalfOf, null, null));
        return new MallAccount(id, "acme", Platform.SMARTSTORE, sellerId, server.smartStoreBaseUrl(sellerId),
                RateBudget.CAFE24_DEFAULT, null, true);
    }

    SmartStoreExtractors extractors(SmartStoreSettings settings) {
        return new SmartStoreExtractors(store, settings, meters, Clock.systemUTC());
    }

    /** The seller's product orders as they stand at its "now", as the sandbox itself keeps them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> truthProductOrders(String sellerId) {
        return (List<Map<String, Object>>) seller(sellerId).groundTruth().get("productOrders");
    }

    /** The orders with a product order whose last change falls on {@code day}, as the sandbox holds them now. */
    Set<String> ordersChangedOn(String sellerId, LocalDate day) {
        return truthProductOrders(sellerId).stream()
                .filter(po -> ((String) po.get("lastChangedDate")).startsWith(day + "T"))
                .map(po -> (String) po.get("orderId")).collect(Collectors.toSet());
    }

    /**
     * One page of the change feed, asked directly with the JDK's HTTP client and a token signed here, as the docs
     * say: an oracle independent of the adapter under test.
     */
    JsonNode changes(String sellerId, String from, String to, String moreSequence) throws Exception {
        String query = "lastChangedFrom=" + encode(from) + "&lastChangedTo=" + encode(to) + "&limitCount=300"
                + (moreSequence == null ? "" : "&moreSequence=" + moreSequence);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.smartStoreBaseUrl(sellerId)
                        + "/v1/pay-order/seller/product-orders/last-changed-statuses?" + query))
                .header("Authorization", "Bearer " + token(sellerId)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("data");
    }

    private String token(String sellerId) throws Exception {
        SmartStoreSeller seller = seller(sellerId);
        long timestamp = System.currentTimeMillis();
        String sign = Base64.getEncoder().encodeToString(BCrypt.hashpw(seller.clientId() + "_" + timestamp,
                seller.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String form = "client_id=" + encode(seller.clientId()) + "&timestamp=" + timestamp
                + "&grant_type=client_credentials&client_secret_sign=" + encode(sign) + "&type=" + seller.tokenType()
                + (seller.tokenType().equals("SELLER") ? "&account_id=" + sellerId : "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.smartStoreBaseUrl(sellerId) + "/v1/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Reads up to {@code max} items (all, when negative) from an opened reader. */
    static <T> List<T> read(ItemStreamReader<T> reader, int max) throws Exception {
        List<T> items = new ArrayList<>();
        while (max < 0 || items.size() < max) {
            T item = reader.read();
            if (item == null) {
                break;
            }
            items.add(item);
        }
        return items;
    }

    /** Opens a reader on {@code context} and reads it to its end. */
    static <T> List<T> readAll(ItemStreamReader<T> reader, ExecutionContext context) throws Exception {
        reader.open(context);
        return read(reader, -1);
    }

    long rejected429() {
        return server.smartStore().sellers().stream().mapToLong(SmartStoreSeller::rejected429).sum();
    }

    @Override
    public void close() {
        server.close();
    }
}
