package com.mallbatch.sandbox;

import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.cafe24.Cafe24Platform;
import com.mallbatch.sandbox.erp.ErpServer;
import com.mallbatch.sandbox.sellercenter.SellerCenterPlatform;
import com.mallbatch.sandbox.smartstore.GatewayError;
import com.mallbatch.sandbox.smartstore.SmartStorePlatform;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import com.mallbatch.sandbox.webhook.WebhookReceiver;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An embeddable HTTP server that plays the platforms mallbatch talks to, on loopback. Each Cafe24 mall lives under
 * {@code /cafe24/{mall_id}}, which stands in for {@code https://{mall_id}.cafe24api.com}; each SmartStore seller under
 * {@code /smartstore/{sellerId}}, which stands in for {@code https://api.commerce.naver.com} (so the documented base URL
 * {@code https://api.commerce.naver.com/external} is {@link #smartStoreBaseUrl}); control endpoints live
 * under {@code /_sandbox}.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults = new Faults();
    private final Cafe24Platform cafe24;
    private final SellerCenterPlatform sellerCenters;
    private final SmartStorePlatform smartStore;
    private final ErpServer erp = new ErpServer(JSON);
    private final WebhookReceiver webhooks = new WebhookReceiver();
    private final Instant startedAt = Instant.now();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each small response waits out the
        // client's delayed ACK (~40 ms), which would make every simulated platform look slow.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private SandboxServer(SandboxConfig config, int port, int cachedMalls) throws IOException {
        this.config = config;
        this.cafe24 = new Cafe24Platform(config, faults, cachedMalls);
        this.sellerCenters = new SellerCenterPlatform(config, faults);
        this.smartStore = new SmartStorePlatform(config, faults);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        this.executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a sandbox on a free loopback port (0) or the given one. */
    public static SandboxServer start(SandboxConfig config, int port) throws IOException {
        return start(config, port, Cafe24Platform.DEFAULT_CACHED_MALLS);
    }

    /**
     * @param cachedMalls how many Cafe24 malls keep their generated data between requests; a fleet read N malls at a
     *                    time wants more than N, or it regenerates what it evicts
     */
    public static SandboxServer start(SandboxConfig config, int port, int cachedMalls) throws IOException {
        SandboxServer sandbox = new SandboxServer(config, port, cachedMalls);
        sandbox.server.start();
        log.info("Sandbox up at {} playing {} Cafe24 malls and {} SmartStore sellers (seed {})", sandbox.baseUrl(),
                config.cafe24Malls(), config.smartStoreSellers(), config.seed());
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * When this sandbox started: every start issues its malls' refresh tokens afresh, so the accounts file written
     * for it marks its Cafe24 accounts as re-authorized at this instant.
     */
    public Instant startedAt() {
        return startedAt;
    }

    /** What this sandbox plays. */
    public SandboxConfig config() {
        return config;
    }

    public Faults faults() {
        return faults;
    }

    public Cafe24Platform cafe24() {
        return cafe24;
    }

    public SellerCenterPlatform sellerCenters() {
        return sellerCenters;
    }

    public SmartStorePlatform smartStore() {
        return smartStore;
    }

    public ErpServer erp() {
        return erp;
    }

    public WebhookReceiver webhooks() {
        return webhooks;
    }

    /** A Slack-compatible incoming webhook the sandbox receives, e.g. {@code http://127.0.0.1:8089/hooks/acme}. */
    public String webhookUrl(String id) {
        return baseUrl() + "/hooks/" + id;
    }

    /** The ERP's base URL, e.g. {@code http://127.0.0.1:8089/erp}. */
    public String erpBaseUrl() {
        return baseUrl() + "/erp";
    }

    /** Where one seller center lives, e.g. {@code http://127.0.0.1:8089/seller/stylemarket01}. */
    public String sellerCenterBaseUrl(String id) {
        return baseUrl() + "/seller/" + id;
    }

    /**
     * The base URL that replaces the Commerce API's documented base URL {@code https://api.commerce.naver.com/external}
     * for one SmartStore seller, e.g. {@code http://127.0.0.1:8089/smartstore/smartstore01/external}; its APIs are
     * below it ({@code .../v1/oauth2/token}, {@code .../v1/products/search}, ...).
     */
    public String smartStoreBaseUrl(String sellerId) {
        return baseUrl() + "/smartstore/" + sellerId + "/external";
    }

    /** The base URL that replaces {@code https://{mall_id}.cafe24api.com} for one sandbox mall. */
    public String cafe24BaseUrl(String mallId) {
        return baseUrl() + "/cafe24/" + mallId;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/", 4);
            SandboxResponse response;
            if (parts.length >= 3 && parts[1].equals("cafe24")) {
                String rest = parts.length == 4 ? "/" + parts[3] : "/";
                response = cafe24.handle(parts[2], SandboxRequest.of(exchange, rest));
            } else if (parts.length >= 3 && parts[1].equals("smartstore")) {
                String rest = parts.length == 4 ? "/" + parts[3] : "/";
                response = smartStore.handle(parts[2], SandboxRequest.of(exchange, rest));
            } else if (parts.length >= 3 && parts[1].equals("seller")) {
                String rest = parts.length == 4 ? "/" + parts[3] : "/";
                response = sellerCenters.handle(parts[2], SandboxRequest.of(exchange, rest));
            } else if (parts.length >= 2 && parts[1].equals("erp")) {
                String rest = exchange.getRequestURI().getPath().substring("/erp".length());
                response = erp.handle(SandboxRequest.of(exchange, rest));
            } else if (parts.length == 3 && parts[1].equals("hooks")) {
                response = webhooks.handle(parts[2], SandboxRequest.of(exchange, "/"));
            } else if (parts.length >= 2 && parts[1].equals("_sandbox")) {
                response = control(SandboxRequest.of(exchange, exchange.getRequestURI().getPath()));
            } else {
                response = SandboxResponse.json(404, java.util.Map.of("error", "no such platform"));
            }
            write(exchange, response);
        } catch (RuntimeException e) {
            log.error("Sandbox failed on {}", exchange.getRequestURI(), e);
            throw e;
        }
    }

    private SandboxResponse control(SandboxRequest request) throws IOException {
        String path = request.path();
        if (path.equals("/_sandbox/cafe24/malls")) {
            return SandboxResponse.json(200, cafe24.mallDescriptors(this::cafe24BaseUrl));
        }
        if (path.startsWith("/_sandbox/cafe24/") && path.endsWith("/ground-truth")) {
            String mallId = path.substring("/_sandbox/cafe24/".length(), path.length() - "/ground-truth".length());
            return SandboxResponse.json(200, cafe24.mall(mallId).groundTruth());
        }
        if (path.startsWith("/_sandbox/cafe24/") && (path.endsWith("/drifts") || path.endsWith("/master-inventory"))) {
            return cafe24Knobs(request);
        }
        if (path.equals("/_sandbox/seller/centers")) {
            return SandboxResponse.json(200, sellerCenters.descriptors(this::sellerCenterBaseUrl));
        }
        if (path.startsWith("/_sandbox/seller/") && path.endsWith("/ground-truth")) {
            String id = path.substring("/_sandbox/seller/".length(), path.length() - "/ground-truth".length());
            return SandboxResponse.json(200, sellerCenters.center(id).groundTruth());
        }
        if (path.equals("/_sandbox/smartstore/sellers")) {
            return SandboxResponse.json(200, smartStore.descriptors(this::smartStoreBaseUrl));
        }
        if (path.equals("/_sandbox/smartstore/stats")) {
            return SandboxResponse.json(200, smartStore.stats());
        }
        if (path.startsWith("/_sandbox/smartstore/") && path.endsWith("/ground-truth")) {
            String id = path.substring("/_sandbox/smartstore/".length(), path.length() - "/ground-truth".length());
            return SandboxResponse.json(200, smartStore.seller(id).groundTruth());
        }
        if (path.startsWith("/_sandbox/smartstore/") && path.endsWith("/faults") && request.method().equals("POST")) {
            String id = path.substring("/_sandbox/smartstore/".length(), path.length() - "/faults".length());
            SmartStoreFaultRequest f = JSON.readerFor(SmartStoreFaultRequest.class)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(request.body());
            SmartStoreSeller seller = smartStore.seller(id);
            seller.clearFaults();
            seller.quotaExceeded(f.quotaExceeded());
            seller.ipNotAllowed(f.ipNotAllowed());
            if (f.failNextCode() != null) {
                seller.failNext(GatewayError.of(f.failNextCode()), f.failNextTimes());
            }
            if (f.expireAccessTokens()) {
                seller.expireAccessTokens();
            }
            return SandboxResponse.json(200, f);
        }
        if (path.equals("/_sandbox/stats")) {
            return SandboxResponse.json(200, cafe24.stats());
        }
        if (path.equals("/_sandbox/faults") && request.method().equals("POST")) {
            // missing fields mean "off", which Jackson 3 refuses for primitives unless told
            FaultRequest f = JSON.readerFor(FaultRequest.class)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(request.body());
            faults.clear().serverErrorRate(f.serverErrorRate()).stalls(f.stallRate(), f.stallMillis())
                    .bursts429(f.burst429Rate(), Math.max(1, f.burst429Length()))
                    .malformedJsonRate(f.malformedJsonRate()).malformedRecordEvery(f.malformedRecordEvery())
                    .outages(f.outagePaths()).truncatedHtmlRate(f.truncatedHtmlRate()).layoutV2(f.layoutV2())
                    .blocked(f.blocked()).captchaOnLogin(f.captchaOnLogin())
                    .failNext(f.failNextPath(), f.failNextTimes()).pageField(f.pageField());
            if (f.expireAccessTokens()) {
                cafe24.expireAccessTokens();
                smartStore.expireAccessTokens();
            }
            return SandboxResponse.json(200, f);
        }
        return SandboxResponse.json(404, java.util.Map.of("error", "unknown control endpoint " + path));
    }

    /**
     * {@code GET|POST /_sandbox/cafe24/{mall_id}/drifts} (the mall's reconciliation knobs: shown, or replaced by a
     * {@link Cafe24DriftRequest}) and {@code GET /_sandbox/cafe24/{mall_id}/master-inventory?as_of=YYYY-MM-DD[&format=tsv]}.
     */
    private SandboxResponse cafe24Knobs(SandboxRequest request) throws IOException {
        String path = request.path();
        String rest = path.substring("/_sandbox/cafe24/".length());
        String mallId = rest.substring(0, rest.indexOf('/'));
        try {
            Cafe24Mall mall = cafe24.mall(mallId);
            if (path.endsWith("/master-inventory")) {
                String asOf = request.query().get("as_of");
                java.time.LocalDate day = asOf == null ? mall.now().toLocalDate() : java.time.LocalDate.parse(asOf);
                return "tsv".equals(request.query().get("format")) ? SandboxResponse.text(mall.masterInventoryTsv(day))
                        : SandboxResponse.json(200, java.util.Map.of("master_inventory", mall.masterInventoryJson(day)));
            }
            if (request.method().equals("POST")) {
                Cafe24DriftRequest drifts = JSON.readerFor(Cafe24DriftRequest.class)
                        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(request.body());
                drifts.applyTo(mall);
            }
            return SandboxResponse.json(200, mall.describeDrifts());
        } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
            return SandboxResponse.json(400, java.util.Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Body of {@code POST /_sandbox/cafe24/{mall_id}/drifts}: it replaces the mall's reconciliation knobs; missing
     * fields mean "off". Days are {@code YYYY-MM-DD}, moments {@code YYYY-MM-DDTHH:MM:SS} on the mall's clock.
     *
     * @param hideOrderIds          orders the order list leaves out ({@link Cafe24Mall#hideOrder})
     * @param hideOrderPlacedOn     hide one order of this day, chosen from the seed ({@link Cafe24Mall#hideOrderPlacedOn})
     * @param dailySalesAdjustments changed report figures ({@link Cafe24Mall#adjustDailySales})
     * @param dailySalesDelays      report days held back until a moment or for a number of requests
     * @param stockDriftVariants    how many variants list a drifted stock ({@link Cafe24Mall#driftListedStock(int, int)})
     * @param stockDriftDelta       by how much (listed minus true)
     * @param salesReportScopeRevoked the report answers 403
     */
    public record Cafe24DriftRequest(List<String> hideOrderIds, String hideOrderPlacedOn,
                                     List<SalesAdjustment> dailySalesAdjustments, List<SalesDelay> dailySalesDelays,
                                     int stockDriftVariants, int stockDriftDelta, boolean salesReportScopeRevoked) {

        public record SalesAdjustment(String day, int countDelta, java.math.BigDecimal amountDelta) {
        }

        /** {@code until} a moment on the mall's clock, or for the next {@code requests} report requests. */
        public record SalesDelay(String day, String until, int requests) {
        }

        void applyTo(Cafe24Mall mall) {
            mall.clearDrifts();
            if (hideOrderIds != null) {
                hideOrderIds.forEach(mall::hideOrder);
            }
            if (hideOrderPlacedOn != null) {
                mall.hideOrderPlacedOn(java.time.LocalDate.parse(hideOrderPlacedOn));
            }
            if (dailySalesAdjustments != null) {
                dailySalesAdjustments.forEach(a -> mall.adjustDailySales(java.time.LocalDate.parse(a.day()), a.countDelta(),
                        a.amountDelta() == null ? java.math.BigDecimal.ZERO : a.amountDelta()));
            }
            if (dailySalesDelays != null) {
                for (SalesDelay d : dailySalesDelays) {
                    java.time.LocalDate day = java.time.LocalDate.parse(d.day());
                    if (d.until() != null) {
                        mall.delayDailySales(day, java.time.LocalDateTime.parse(d.until()));
                    } else {
                        mall.delayDailySales(day, d.requests());
                    }
                }
            }
            if (stockDriftVariants > 0) {
                mall.driftListedStock(stockDriftVariants, stockDriftDelta);
            }
            mall.salesReportScope(!salesReportScopeRevoked);
        }
    }

    /**
     * Body of {@code POST /_sandbox/faults}; missing fields mean "off". {@code pageField} is a {@link PageFieldFault},
     * e.g. {@code {"mode": "DIFFERENT_VALUE", "field": "stock", "share": 0.1, "renders": 1, "center": "stylemarket01"}}.
     */
    public record FaultRequest(double serverErrorRate, double stallRate, int stallMillis, double burst429Rate,
                               int burst429Length, double malformedJsonRate, int malformedRecordEvery,
                               String outagePath, List<String> outagePaths, boolean expireAccessTokens,
                               double truncatedHtmlRate, boolean layoutV2, boolean blocked, boolean captchaOnLogin,
                               String failNextPath, int failNextTimes, PageFieldFault pageField) {

        /** {@code outagePath} and {@code outagePaths} together: every call whose path holds one of them answers 503. */
        @Override
        public List<String> outagePaths() {
            List<String> all = new java.util.ArrayList<>(outagePaths == null ? List.of() : outagePaths);
            if (outagePath != null) {
                all.add(outagePath);
            }
            return all;
        }
    }

    /**
     * Body of {@code POST /_sandbox/smartstore/{sellerId}/faults}; it replaces the seller's knobs, missing fields mean
     * "off". {@code failNextCode} is a gateway code such as {@code GW.QUOTA_LIMIT} or {@code GW.TIMEOUT.01}.
     */
    public record SmartStoreFaultRequest(boolean quotaExceeded, boolean ipNotAllowed, String failNextCode,
                                         int failNextTimes, boolean expireAccessTokens) {
    }

    private void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        if (response.isDropped()) {
            return; // closing the exchange unanswered is the lost response
        }
        // Faults hit the data pages only: a token response lost to a stall would kill the rotated refresh token,
        // and a login page is no data.
        String path = exchange.getRequestURI().getPath();
        boolean dataApi = path.contains("/api/v2/admin/")
                || (path.startsWith("/smartstore/") && path.contains("/external/") && !path.endsWith("/oauth2/token"));
        boolean dataPage = path.startsWith("/seller/") && !path.endsWith("/login") && !path.endsWith("/robots.txt");
        int stall = dataApi || dataPage ? faults.stallMillis() : 0;
        if (stall > 0) {
            sleep(stall);
        }
        byte[] body = response.isPage() ? ((String) response.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(response.body());
        if (response.status() == 200 && ((dataApi && faults.malformedJson()) || (dataPage && faults.truncatedHtml()))) {
            body = Arrays.copyOf(body, body.length / 2); // a truncated document, as a dropped proxy would send
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
