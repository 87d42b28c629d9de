package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.smartstore.Lifecycle.Claim;
import com.mallbatch.sandbox.smartstore.Lifecycle.State;
import com.mallbatch.sandbox.smartstore.StoreData.Option;
import com.mallbatch.sandbox.smartstore.StoreData.Order;
import com.mallbatch.sandbox.smartstore.StoreData.Product;
import com.mallbatch.sandbox.smartstore.StoreData.ProductOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static com.mallbatch.sandbox.smartstore.Gateway.format;
import static com.mallbatch.sandbox.smartstore.Gateway.invalidInput;

/**
 * One SmartStore seller (스마트스토어 판매자) and the Commerce API as it answers for the seller's resources, behind the
 * API gateway: route, authentication, the application's token bucket per API, the seller's quota, then the API. The
 * seller lives under {@code /smartstore/{sellerId}}, which stands in for {@code https://api.commerce.naver.com}, so
 * its APIs are at {@code /smartstore/{sellerId}/external/v1/...} and its base URL, the documented
 * {@code https://api.commerce.naver.com/external}, is {@code /smartstore/{sellerId}/external}.
 * <p>
 * Product orders answer as they stand at the seller's clock, "now": the end of its today, which tests may move
 * forward ({@link #advanceClock}). Test knobs: {@link #returnProductOrder}, {@link #failNext}, {@link #quotaExceeded},
 * {@link #ipNotAllowed}, {@link #expireAccessTokens}, {@link #ageAccessTokens}.
 */
public final class SmartStoreSeller {

    static final String SEARCH = "POST /v1/products/search";
    static final String ORIGIN_PRODUCT = "GET /v2/products/origin-products/{originProductNo}";
    static final String LAST_CHANGED = "GET /v1/pay-order/seller/product-orders/last-changed-statuses";
    static final String QUERY = "POST /v1/pay-order/seller/product-orders/query";
    static final String PRODUCT_ORDER_IDS = "GET /v1/pay-order/seller/orders/{orderId}/product-order-ids";
    static final String SETTLE_DAILY = "GET /v1/pay-settle/settle/daily";

    /** Documented: at most 300 changes per response. */
    static final int MAX_LIMIT_COUNT = 300;
    /** Documented: at most 300 product order ids per query. */
    static final int MAX_QUERY_IDS = 300;
    /** Documented: product search pages hold at most 500. */
    static final int MAX_SEARCH_SIZE = 500;
    /** Documented: settlement pages hold at most 1,000. */
    static final int MAX_SETTLE_PAGE_SIZE = 1_000;
    /**
     * UNCONFIRMED (third-party observation: a 32-day span answered, a 33-day one was refused): the daily settlement
     * API answers ranges of at most 32 days, counting both ends.
     */
    static final int MAX_SETTLE_DAYS = 32;
    /**
     * UNCONFIRMED: last-changed-statuses documents only that an omitted lastChangedTo means lastChangedFrom + 24 h,
     * and error 104139 "조회 가능한 날짜 범위를 초과" in its error table; the sandbox refuses a wider window with it.
     */
    static final Duration MAX_CHANGE_WINDOW = Duration.ofHours(24);

    private static final Pattern PRODUCT_ORDER_IDS_PATH =
            Pattern.compile("/external/v1/pay-order/seller/orders/([^/]{1,40})/product-order-ids");
    private static final Pattern ORIGIN_PRODUCT_PATH = Pattern.compile("/external/v2/products/origin-products/(\\d{1,18})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
    private static final Set<String> CHANGE_TYPES = Set.of("PAY_WAITING", "PAYED", "EXCHANGE_OPTION",
            "DELIVERY_ADDRESS_CHANGED", "GIFT_RECEIVED", "CLAIM_REJECTED", "DISPATCHED", "CLAIM_REQUESTED", "COLLECT_DONE",
            "CLAIM_COMPLETED", "PURCHASE_DECIDED", "HOPE_DELIVERY_INFO_CHANGED", "CLAIM_REDELIVERING");
    private static final Set<String> PRODUCT_STATUSES = Set.of("WAIT", "SALE", "OUTOFSTOCK", "UNADMISSION", "REJECTION",
            "SUSPENSION", "CLOSE", "PROHIBITION", "DELETE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String sellerId;
    private final int index;
    private final SandboxConfig config;
    private final Faults faults;
    private final SmartStoreApplication application;
    private final AtomicLong acceptedCalls = new AtomicLong();
    private final AtomicLong rejected429 = new AtomicLong();
    private final Map<String, AtomicLong> callsByApi = new ConcurrentHashMap<>();
    private volatile SellerData data;
    private volatile LocalDateTime now;
    private volatile boolean quotaExceeded;
    private GatewayError injected;
    private int injectedLeft;

    SmartStoreSeller(String sellerId, int index, SandboxConfig config, Faults faults, SmartStoreApplication application) {
        this.sellerId = sellerId;
        this.index = index;
        this.config = config;
        this.faults = faults;
        this.application = application;
        this.now = endOf(config.today());
    }

    /** The seller id, e.g. {@code smartstore01}: the path prefix, and the {@code account_id} of SELLER tokens. */
    public String sellerId() {
        return sellerId;
    }

    /** The seller's UID ({@code ncp_…}), which a SELLER token request may send as {@code account_id} instead. */
    public String accountUid() {
        return "ncp_sbx" + Long.toString(Math.abs(config.seed() * 31 + index * 1_000_003L), 36) + String.format("%02d", index);
    }

    public String storeName() {
        return "샌드박스 스토어 " + String.format("%02d", index);
    }

    int index() {
        return index;
    }

    String merchantId() {
        return "sbxmerchant" + String.format("%02d", index);
    }

    String merchantChannelId() {
        return String.valueOf(500_000_000L + index);
    }

    /** The client id of the application that reads this seller (shared with the other sellers of a solution's app). */
    public String clientId() {
        return application.clientId();
    }

    /** The application's client secret: a bcrypt salt, {@code $2a$04$} and 22 characters. */
    public String clientSecret() {
        return application.clientSecret();
    }

    /** {@code SELF} for an own-store application, {@code SELLER} (with this seller as account_id) for a solution's. */
    public String tokenType() {
        return application.ownStore() ? "SELF" : "SELLER";
    }

    SmartStoreApplication application() {
        return application;
    }

    public long acceptedCalls() {
        return acceptedCalls.get();
    }

    /** Calls refused with 429 (GW.RATE_LIMIT or GW.QUOTA_LIMIT). */
    public long rejected429() {
        return rejected429.get();
    }

    /** Accepted calls per API, e.g. {@code "GET /v1/pay-settle/settle/daily" -> 3}. */
    public Map<String, Long> callsByApi() {
        Map<String, Long> calls = new LinkedHashMap<>();
        callsByApi.forEach((api, n) -> calls.put(api, n.get()));
        return calls;
    }

    /** Tokens issued to this seller's application (for every seller it reads). */
    public long tokensIssued() {
        return application.tokensIssued();
    }

    // ---------------------------------------------------------------- knobs

    /** The seller's "now": product orders show what happened up to this moment. */
    public LocalDateTime now() {
        return now;
    }

    /** Moves "now" to the end of {@code today}, revealing what the lifecycles hold until then; never backwards. */
    public synchronized void advanceClock(LocalDate today) {
        LocalDateTime next = endOf(today);
        if (next.isBefore(now)) {
            throw new IllegalArgumentException("The clock of " + sellerId + " stands at " + now + "; it cannot go back to " + today);
        }
        now = next;
    }

    /**
     * The buyer returns a product order: RETURN_REQUEST at {@code requestedAt}, COLLECT_DONE a day later (or at
     * completion, if sooner) and RETURN_DONE / RETURNED at {@code completedAt}, or only the request when that is null.
     * What the product order still had ahead of it (delivery, purchase decision) gives way to the return. It must have
     * been dispatched before and not purchase-decided by {@code requestedAt}, and have no claim yet.
     */
    public synchronized void returnProductOrder(String productOrderId, LocalDateTime requestedAt, LocalDateTime completedAt) {
        ProductOrder po = data().productOrder(productOrderId);
        if (po == null) {
            throw new IllegalArgumentException(sellerId + " has no product order " + productOrderId);
        }
        Lifecycle lifecycle = po.lifecycle();
        if (lifecycle.claim() != null) {
            throw new IllegalStateException(productOrderId + " already has claim " + lifecycle.claim().claimId()
                    + " (" + lifecycle.claim().type() + ")");
        }
        LocalDateTime dispatched = lifecycle.date(Step.DISPATCHED);
        if (dispatched == null || !requestedAt.isAfter(dispatched)) {
            throw new IllegalArgumentException(productOrderId + " can only be returned after it was dispatched (" + dispatched + ")");
        }
        LocalDateTime decided = lifecycle.date(Step.PURCHASE_DECIDED);
        if (decided != null && !requestedAt.isBefore(decided)) {
            throw new IllegalArgumentException(productOrderId + " was purchase-decided at " + decided + "; it cannot be returned after that");
        }
        if (completedAt != null && !completedAt.isAfter(requestedAt)) {
            throw new IllegalArgumentException("The return of " + productOrderId + " must complete after its request at " + requestedAt);
        }
        Claim claim = new Claim("RETURN", StoreDataGenerator.claimId(productOrderId), "INTENT_CHANGED", requestedAt);
        po.history().set(lifecycle.withReturn(claim, completedAt));
    }

    /**
     * The next {@code times} API calls of this seller (after authentication) answer {@code error} with its documented
     * status, code and headers (rate-limit headers on all of them, quota headers on GW.QUOTA_LIMIT); then calls are
     * served normally again. A new call replaces what is left of the last one; {@code times} 0 ends it.
     */
    public synchronized void failNext(GatewayError error, int times) {
        this.injected = times > 0 ? error : null;
        this.injectedLeft = Math.max(0, times);
    }

    /** While on, every API call of this seller answers 429 GW.QUOTA_LIMIT (the seller resource's quota is spent). */
    public void quotaExceeded(boolean on) {
        this.quotaExceeded = on;
    }

    /**
     * While on, the caller's IP is not registered on the seller's application: the token endpoint and every API call
     * answer 403 GW.IP_NOT_ALLOWED. IPs belong to the application, so this holds for every seller it reads.
     */
    public void ipNotAllowed(boolean on) {
        application.ipNotAllowed(on);
    }

    /** Every access token issued for this seller expires now: API calls answer 401 GW.AUTHN until a new token. */
    public void expireAccessTokens() {
        application.expireTokens(this);
    }

    /**
     * This seller's tokens expire {@code by} sooner, as if that much time had passed: e.g. 151 minutes leaves a fresh
     * token 29 minutes, so the next token request gets a new token while the old one still works.
     */
    public void ageAccessTokens(Duration by) {
        application.ageTokens(this, by);
    }

    public void clearFaults() {
        failNext(null, 0);
        quotaExceeded(false);
        ipNotAllowed(false);
    }

    private synchronized GatewayError takeInjected() {
        if (injected == null || injectedLeft <= 0) {
            return null;
        }
        GatewayError error = injected;
        if (--injectedLeft == 0) {
            injected = null;
        }
        return error;
    }

    // ---------------------------------------------------------------- the gateway

    SandboxResponse handle(SandboxRequest request) {
        long start = System.nanoTime();
        String trace = Gateway.traceId();
        SandboxResponse response = gateway(request, trace);
        return response.header(Gateway.TRACE_ID, trace)
                .header(Gateway.RESPONSE_TIME, String.valueOf((System.nanoTime() - start) / 1_000_000));
    }

    private SandboxResponse gateway(SandboxRequest request, String trace) {
        String api = api(request);
        if (api == null) {
            return Gateway.error(GatewayError.NOT_FOUND, trace);
        }
        String authorization = request.header("Authorization");
        SmartStoreApplication.Token token = authorization == null || !authorization.startsWith("Bearer ") ? null
                : application.bearer(authorization.substring("Bearer ".length()).trim(), Instant.now());
        if (token == null || token.seller() != this) {
            return Gateway.error(GatewayError.AUTHN, trace);
        }
        GatewayError injectedError = takeInjected();
        if (injectedError == GatewayError.IP_NOT_ALLOWED || application.ipNotAllowed()) {
            return Gateway.error(GatewayError.IP_NOT_ALLOWED, trace);
        }
        TokenBucket bucket = application.bucket(api);
        boolean forced = injectedError == GatewayError.RATE_LIMIT || faults.forced429();
        long remaining = forced ? -1 : bucket.tryTake();
        if (remaining < 0) {
            rejected429.incrementAndGet();
            return rateHeaders(Gateway.error(GatewayError.RATE_LIMIT, trace), bucket, 0);
        }
        if (injectedError == GatewayError.QUOTA_LIMIT || quotaExceeded) {
            rejected429.incrementAndGet();
            // the quota counts per second for a seller on a graded commerce solution (documented: SECONDS or ROUND)
            return rateHeaders(Gateway.error(GatewayError.QUOTA_LIMIT, trace), bucket, remaining)
                    .header(Gateway.QUOTA_PERIOD, "SECONDS")
                    .header(Gateway.QUOTA_LIMIT, String.valueOf(config.smartStoreRatePerSecond()))
                    .header(Gateway.QUOTA_REMAINING, "0");
        }
        if (injectedError != null) {
            return rateHeaders(Gateway.error(injectedError, trace), bucket, remaining);
        }
        String target = fullPath(request);
        if (faults.failNextHit(target) || faults.serverError(target)) {
            return rateHeaders(Gateway.error(GatewayError.INTERNAL_SERVER_ERROR, trace), bucket, remaining);
        }
        acceptedCalls.incrementAndGet();
        callsByApi.computeIfAbsent(api, k -> new AtomicLong()).incrementAndGet();
        SandboxResponse response;
        try {
            response = route(api, request, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rateHeaders(response, bucket, remaining);
    }

    private static SandboxResponse rateHeaders(SandboxResponse response, TokenBucket bucket, long remaining) {
        return response.header(Gateway.REPLENISH_RATE, String.valueOf(bucket.replenishRate()))
                .header(Gateway.BURST_CAPACITY, String.valueOf(bucket.burstCapacity()))
                .header(Gateway.REMAINING, String.valueOf(remaining));
    }

    /** The API a request calls ("GET /v1/..."), or null when the gateway has no such route. */
    private static String api(SandboxRequest request) {
        String path = request.path();
        String method = request.method();
        if (method.equals("POST") && path.equals("/external/v1/products/search")) {
            return SEARCH;
        }
        if (method.equals("GET") && ORIGIN_PRODUCT_PATH.matcher(path).matches()) {
            return ORIGIN_PRODUCT;
        }
        if (method.equals("GET") && path.equals("/external/v1/pay-order/seller/product-orders/last-changed-statuses")) {
            return LAST_CHANGED;
        }
        if (method.equals("POST") && path.equals("/external/v1/pay-order/seller/product-orders/query")) {
            return QUERY;
        }
        if (method.equals("GET") && PRODUCT_ORDER_IDS_PATH.matcher(path).matches()) {
            return PRODUCT_ORDER_IDS;
        }
        if (method.equals("GET") && path.equals("/external/v1/pay-settle/settle/daily")) {
            return SETTLE_DAILY;
        }
        return null;
    }

    /** The path and query as the sandbox serves them, e.g. {@code /smartstore/smartstore01/external/v1/...?a=b}. */
    private String fullPath(SandboxRequest request) {
        String query = request.exchange().getRequestURI().getRawQuery();
        return "/smartstore/" + sellerId + request.path() + (query == null ? "" : "?" + query);
    }

    private SandboxResponse route(String api, SandboxRequest request, String trace) throws IOException {
        return switch (api) {
            case SEARCH -> search(request.body());
            case ORIGIN_PRODUCT -> originProduct(request.path());
            case LAST_CHANGED -> lastChanged(request.query(), trace);
            case QUERY -> query(request.body(), trace);
            case PRODUCT_ORDER_IDS -> productOrderIds(request.path(), trace);
            default -> settleDaily(request.query(), trace);
        };
    }

    // ---------------------------------------------------------------- products

    private SandboxResponse search(String requestBody) {
        JsonNode body;
        try {
            body = requestBody.isBlank() ? JSON.createObjectNode() : JSON.readTree(requestBody);
        } catch (RuntimeException e) {
            return Gateway.productError(400, "BAD_REQUEST", "요청 본문을 읽을 수 없습니다.", List.of());
        }
        int page = body.path("page").asInt(1);
        int size = body.path("size").asInt(50);
        List<Map<String, Object>> invalid = new ArrayList<>();
        if (page < 1) {
            invalid.add(invalidInput("page", "Min", "1 이상이어야 합니다."));
        }
        // UNCONFIRMED whether a larger size is refused or capped; the sandbox refuses it
        if (size < 1 || size > MAX_SEARCH_SIZE) {
            invalid.add(invalidInput("size", "Range", "1에서 500 사이여야 합니다."));
        }
        Set<String> statuses = new HashSet<>();
        body.path("productStatusTypes").forEach(s -> statuses.add(s.asString()));
        if (!PRODUCT_STATUSES.containsAll(statuses)) {
            invalid.add(invalidInput("productStatusTypes", "InvalidValue", "허용되지 않은 상품 상태입니다."));
        }
        if (!invalid.isEmpty()) {
            return Gateway.productError(400, "BAD_REQUEST", "잘못된 요청입니다.", invalid);
        }
        Predicate<Product> filter = p -> statuses.isEmpty() || statuses.contains(p.statusType());
        filter = filter.and(keyword(body));
        filter = filter.and(period(body));
        String orderType = body.path("orderType").asString("NO");
        List<Product> matching = data().products().stream().filter(filter).sorted(order(orderType)).toList();
        int totalPages = (matching.size() + size - 1) / size;
        List<Map<String, Object>> contents = matching.stream().skip((long) (page - 1) * size).limit(size)
                .map(SmartStoreJson::searchContent).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("contents", contents);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("totalElements", matching.size());
        answer.put("totalPages", totalPages);
        answer.put("sort", Map.of("sorted", true, "fields", List.of(Map.of("name", sortField(orderType),
                "direction", sortDirection(orderType)))));
        answer.put("first", page == 1);
        answer.put("last", page >= totalPages);
        return SandboxResponse.json(200, answer);
    }

    /** searchKeywordType: by channel or origin product numbers, or by seller code (which may match partly). */
    private static Predicate<Product> keyword(JsonNode body) {
        String type = body.path("searchKeywordType").asString("");
        Set<Long> numbers = new HashSet<>();
        switch (type) {
            case "CHANNEL_PRODUCT_NO" -> body.path("channelProductNos").forEach(n -> numbers.add(n.asLong()));
            case "PRODUCT_NO" -> body.path("originProductNos").forEach(n -> numbers.add(n.asLong()));
            case "GROUP_PRODUCT_NO" -> {
                return p -> false; // the sandbox sells no group products
            }
            case "SELLER_CODE" -> {
                // UNCONFIRMED (third-party reports): a seller-code search also matches similar codes; the sandbox
                // matches every code that contains the one asked for, so a client must compare exactly
                String code = body.path("sellerManagementCode").asString("");
                return p -> p.sellerManagementCode() != null && !code.isEmpty() && p.sellerManagementCode().contains(code);
            }
            default -> {
                return p -> true;
            }
        }
        return type.equals("CHANNEL_PRODUCT_NO") ? p -> numbers.contains(p.channelProductNo())
                : p -> numbers.contains(p.originProductNo());
    }

    private static Predicate<Product> period(JsonNode body) {
        String type = body.path("periodType").asString("");
        if (type.isEmpty()) {
            return p -> true;
        }
        LocalDate from = body.hasNonNull("fromDate") ? LocalDate.parse(body.path("fromDate").asString()) : LocalDate.MIN;
        LocalDate to = body.hasNonNull("toDate") ? LocalDate.parse(body.path("toDate").asString()) : LocalDate.MAX;
        return switch (type) {
            case "PROD_REG_DAY" -> p -> within(p.regDate().toLocalDate(), from, to);
            case "PROD_MOD_DAY" -> p -> within(p.modifiedDate().toLocalDate(), from, to);
            default -> p -> false; // no sandbox product has a sale period
        };
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * UNCONFIRMED: the docs list the orderType values but neither the default nor the directions. The sandbox sorts
     * NO (its default) and the dates newest first, NAME and SELLER_CODE ascending, and reports it in {@code sort};
     * ties go by origin product number, newest first.
     */
    private static Comparator<Product> order(String orderType) {
        Comparator<Product> byNoDesc = Comparator.comparingLong(Product::originProductNo).reversed();
        Comparator<Product> primary = switch (orderType) {
            case "NAME" -> Comparator.comparing(Product::name);
            case "SELLER_CODE" -> Comparator.comparing(p -> p.sellerManagementCode() == null ? "" : p.sellerManagementCode());
            case "LOW_PRICE", "LOW_DISCOUNT_PRICE" -> Comparator.comparingLong(Product::discountedPrice);
            case "HIGH_PRICE" -> Comparator.comparingLong(Product::discountedPrice).reversed();
            case "REG_DATE" -> Comparator.comparing(Product::regDate).reversed();
            case "MOD_DATE" -> Comparator.comparing(Product::modifiedDate).reversed();
            default -> byNoDesc;
        };
        return primary.thenComparing(byNoDesc);
    }

    private static String sortField(String orderType) {
        return switch (orderType) {
            case "NAME" -> "name";
            case "SELLER_CODE" -> "sellerManagementCode";
            case "LOW_PRICE", "LOW_DISCOUNT_PRICE", "HIGH_PRICE" -> "discountedPrice";
            case "REG_DATE" -> "regDate";
            case "MOD_DATE" -> "modifiedDate";
            default -> "originProductNo";
        };
    }

    private static String sortDirection(String orderType) {
        return switch (orderType) {
            case "NAME", "SELLER_CODE", "LOW_PRICE", "LOW_DISCOUNT_PRICE" -> "ASC";
            default -> "DESC";
        };
    }

    private SandboxResponse originProduct(String path) {
        var m = ORIGIN_PRODUCT_PATH.matcher(path);
        if (!m.matches()) {
            throw new IllegalStateException(path);
        }
        Product product = data().product(Long.parseLong(m.group(1)));
        if (product == null) {
            return Gateway.productError(404, "NOT_FOUND", "상품이 존재하지 않습니다.", List.of());
        }
        return SandboxResponse.json(200, SmartStoreJson.originProductDetail(product));
    }

    // ---------------------------------------------------------------- orders

    private SandboxResponse lastChanged(Map<String, String> query, String trace) {
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = dateTime(query, "lastChangedFrom");
            if (from == null) {
                return payOrderBadParameter("NotNull.lastChangedFrom", trace);
            }
            to = dateTime(query, "lastChangedTo");
        } catch (DateTimeParseException e) {
            return payOrderBadParameter("typeMismatch." + e.getParsedString(), trace);
        }
        if (to == null) {
            to = from.plus(MAX_CHANGE_WINDOW);
        }
        if (to.isBefore(from)) {
            return payOrderBadParameter("Invalid.lastChangedTo", trace);
        }
        if (Duration.between(from, to).compareTo(MAX_CHANGE_WINDOW) > 0) {
            return Gateway.payOrderError(400, "104139", "조회 가능한 날짜 범위를 초과하였습니다.", trace);
        }
        int limit = MAX_LIMIT_COUNT;
        if (query.containsKey("limitCount")) {
            try {
                limit = Integer.parseInt(query.get("limitCount"));
            } catch (NumberFormatException e) {
                return payOrderBadParameter("typeMismatch.limitCount", trace);
            }
            if (limit < 1) {
                return payOrderBadParameter("Min.limitCount", trace);
            }
            limit = Math.min(limit, MAX_LIMIT_COUNT); // documented: above 300 means 300
        }
        String type = query.get("lastChangedType");
        if (type != null && !CHANGE_TYPES.contains(type)) {
            return payOrderBadParameter("typeMismatch.lastChangedType", trace);
        }
        String moreSequence = query.get("moreSequence");
        if (moreSequence != null && !DIGITS.matcher(moreSequence).matches()) {
            return payOrderBadParameter("typeMismatch.moreSequence", trace);
        }
        List<Change> changes = changes(from, to, type, moreSequence);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("timestamp", Gateway.wallClock());
        answer.put("traceId", trace);
        if (changes.isEmpty()) {
            // third-party observation: a window without changes answers only timestamp and traceId, no data
            return SandboxResponse.json(200, answer);
        }
        List<Change> page = changes.subList(0, Math.min(limit, changes.size()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastChangeStatuses", page.stream().map(c -> SmartStoreJson.lastChangeStatus(c.po(), c.state())).toList());
        if (changes.size() > page.size()) {
            // as in the documented example: the first change not returned, by its date and product order id
            Change next = changes.get(page.size());
            data.put("more", Map.of("moreFrom", format(next.state().lastChangedDate), "moreSequence", next.po().productOrderId()));
        }
        data.put("count", page.size());
        answer.put("data", data);
        return SandboxResponse.json(200, answer);
    }

    private record Change(ProductOrder po, State state) {
    }

    /**
     * The product orders whose last change (as of now) lies in [from, to], oldest first, ties by product order id;
     * with {@code moreSequence}, those at {@code from} itself start at that product order id.
     * <p>
     * UNCONFIRMED (inferred from the API's name and its one lastChangedType/lastChangedDate per product order): a
     * product order is listed once, at its latest change; an earlier change that was overtaken is not listed again.
     */
    private List<Change> changes(LocalDateTime from, LocalDateTime to, String type, String moreSequence) {
        LocalDateTime asOf = now;
        List<Change> changes = new ArrayList<>();
        for (ProductOrder po : data().productOrders()) {
            State s = po.lifecycle().at(asOf);
            LocalDateTime at = s.lastChangedDate;
            if (at == null || at.isBefore(from) || at.isAfter(to) || (type != null && !type.equals(s.lastChangedType))) {
                continue;
            }
            if (moreSequence != null && at.equals(from) && compareIds(po.productOrderId(), moreSequence) < 0) {
                continue;
            }
            changes.add(new Change(po, s));
        }
        changes.sort(Comparator.comparing((Change c) -> c.state().lastChangedDate)
                .thenComparing((a, b) -> compareIds(a.po().productOrderId(), b.po().productOrderId())));
        return changes;
    }

    private static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** A date-time parameter with its offset ({@code 2022-04-11T15:21:44.000+09:00}) as a Seoul time, or null. */
    private static LocalDateTime dateTime(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return OffsetDateTime.parse(value).atZoneSameInstant(SandboxConfig.SEOUL).toLocalDateTime();
    }

    /** Documented pay-order error 4000: a bad parameter, the message naming the error type and the field. */
    private static SandboxResponse payOrderBadParameter(String message, String trace) {
        return Gateway.payOrderError(400, "4000", message, trace);
    }

    private SandboxResponse query(String requestBody, String trace) {
        JsonNode body;
        try {
            body = JSON.readTree(requestBody.isBlank() ? "{}" : requestBody);
        } catch (RuntimeException e) {
            return payOrderBadParameter("HttpMessageNotReadable.productOrderIds", trace);
        }
        JsonNode ids = body.path("productOrderIds");
        if (!ids.isArray() || ids.isEmpty()) {
            return payOrderBadParameter("NotEmpty.productOrderIds", trace);
        }
        if (ids.size() > MAX_QUERY_IDS) {
            return payOrderBadParameter("Size.productOrderIds", trace);
        }
        LocalDateTime asOf = now;
        SellerData all = data();
        List<Map<String, Object>> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode id : ids) {
            String productOrderId = id.asString();
            ProductOrder po = all.productOrder(productOrderId);
            // UNCONFIRMED: an id the seller does not have (yet) is left out of data rather than failing the call
            if (po == null || !seen.add(productOrderId)) {
                continue;
            }
            State s = po.lifecycle().at(asOf);
            if (s.exists()) {
                found.add(SmartStoreJson.productOrderInfo(po, s, merchantChannelId()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("timestamp", Gateway.wallClock());
        answer.put("traceId", trace);
        answer.put("data", found);
        return SandboxResponse.json(200, answer);
    }

    /**
     * {@code GET /v1/pay-order/seller/orders/{orderId}/product-order-ids}: every product order under one order, as
     * {@code {timestamp, traceId, data: [productOrderId …]}}. UNCONFIRMED: the error for an unknown order; the sandbox
     * answers the pay-order "order not found" code 100003.
     */
    private SandboxResponse productOrderIds(String path, String trace) {
        java.util.regex.Matcher m = PRODUCT_ORDER_IDS_PATH.matcher(path);
        Order order = m.matches() ? data().order(m.group(1)) : null;
        List<String> ids = order == null ? List.of() : order.productOrders().stream()
                .filter(po -> po.lifecycle().at(now).exists()).map(ProductOrder::productOrderId).toList();
        if (ids.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", "100003");
            error.put("message", "주문 정보가 존재하지 않습니다.");
            error.put("timestamp", Gateway.wallClock());
            error.put("traceId", trace);
            return SandboxResponse.json(400, error);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("timestamp", Gateway.wallClock());
        answer.put("traceId", trace);
        answer.put("data", ids);
        return SandboxResponse.json(200, answer);
    }

    // ---------------------------------------------------------------- settlement

    private SandboxResponse settleDaily(Map<String, String> query, String trace) {
        List<Map<String, Object>> invalid = new ArrayList<>();
        for (String name : List.of("startDate", "endDate", "pageNumber", "pageSize")) {
            if (query.get(name) == null || query.get(name).isBlank()) {
                invalid.add(invalidInput(name, "NotNull", "필수 입력 항목입니다."));
            }
        }
        if (!invalid.isEmpty()) {
            return Gateway.settlementError(400, "BAD_REQUEST", "잘못된 요청", invalid, trace);
        }
        LocalDate start;
        LocalDate end;
        int pageNumber;
        int pageSize;
        try {
            start = LocalDate.parse(query.get("startDate"));
            end = LocalDate.parse(query.get("endDate"));
            pageNumber = Integer.parseInt(query.get("pageNumber"));
            pageSize = Integer.parseInt(query.get("pageSize"));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Gateway.settlementError(400, "BAD_REQUEST", "잘못된 요청",
                    List.of(invalidInput("query", "TypeMismatch", e.getMessage())), trace);
        }
        if (end.isBefore(start)) {
            invalid.add(invalidInput("endDate", "InvalidValue", "종료일은 시작일 이후여야 합니다."));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_SETTLE_DAYS) {
            invalid.add(invalidInput("endDate", "Range", "조회 기간은 최대 " + MAX_SETTLE_DAYS + "일입니다."));
        }
        if (pageNumber < 1) {
            invalid.add(invalidInput("pageNumber", "Min", "1 이상이어야 합니다."));
        }
        if (pageSize < 1 || pageSize > MAX_SETTLE_PAGE_SIZE) {
            invalid.add(invalidInput("pageSize", "Range", "1에서 1000 사이여야 합니다."));
        }
        if (!invalid.isEmpty()) {
            return Gateway.settlementError(400, "BAD_REQUEST", "잘못된 요청", invalid, trace);
        }
        List<Settlements.Row> rows = Settlements.rows(data().productOrders(), now).stream()
                .filter(r -> within(r.expectDate(), start, end)).toList();
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", pageNumber);
        pagination.put("size", pageSize);
        pagination.put("totalPages", (rows.size() + pageSize - 1) / pageSize);
        pagination.put("totalElements", rows.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("elements", rows.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .map(r -> Settlements.render(r, this)).toList());
        answer.put("pagination", pagination);
        return SandboxResponse.json(200, answer);
    }

    // ---------------------------------------------------------------- ground truth

    /**
     * Everything this seller holds at its "now", in one fixed shape (every key present, null where nothing applies):
     * products with their options and stock, orders, product orders with status, claim, last change, amounts and
     * commissions and the day they are settled for, and the daily settlement rows as the API renders them.
     */
    public Map<String, Object> groundTruth() {
        SellerData all = data();
        LocalDateTime asOf = now;
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("sellerId", sellerId);
        truth.put("accountUid", accountUid());
        truth.put("clientId", clientId());
        truth.put("today", asOf.toLocalDate().toString());
        truth.put("now", format(asOf));
        truth.put("products", all.products().stream().map(SmartStoreSeller::productTruth).toList());
        List<Map<String, Object>> orders = new ArrayList<>();
        List<Map<String, Object>> productOrders = new ArrayList<>();
        for (Order order : all.orders()) {
            List<String> ids = new ArrayList<>();
            LocalDateTime paymentDate = null;
            for (ProductOrder po : order.productOrders()) {
                State s = po.lifecycle().at(asOf);
                if (s.exists()) {
                    ids.add(po.productOrderId());
                    paymentDate = s.paymentDate;
                    productOrders.add(productOrderTruth(po, s, asOf));
                }
            }
            if (!ids.isEmpty()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("orderId", order.orderId());
                o.put("orderDate", format(order.orderDate()));
                o.put("paymentDate", format(paymentDate));
                o.put("paymentMeans", order.paymentMeans());
                o.put("generalPaymentAmount", order.generalPaymentAmount());
                o.put("productOrderIds", ids);
                orders.add(o);
            }
        }
        truth.put("orders", orders);
        truth.put("productOrders", productOrders);
        truth.put("settlements", Settlements.rows(all.productOrders(), asOf).stream()
                .map(r -> Settlements.render(r, this)).toList());
        return truth;
    }

    private static Map<String, Object> productTruth(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originProductNo", p.originProductNo());
        m.put("channelProductNo", p.channelProductNo());
        m.put("name", p.name());
        m.put("sellerManagementCode", p.sellerManagementCode());
        m.put("statusType", p.statusType());
        m.put("channelProductDisplayStatusType", p.displayStatusType());
        m.put("salePrice", p.salePrice());
        m.put("discountedPrice", p.discountedPrice());
        m.put("stockQuantity", p.stockQuantity());
        m.put("useStockManagement", p.useStockManagement());
        m.put("brandName", p.brandName());
        m.put("categoryId", p.category().id());
        m.put("wholeCategoryId", p.category().wholeId());
        m.put("wholeCategoryName", p.category().wholeName());
        m.put("optionGroupNames", List.of("색상", "사이즈"));
        List<Map<String, Object>> options = new ArrayList<>();
        for (Option o : p.options()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("id", o.id());
            option.put("optionName1", o.optionName1());
            option.put("optionName2", o.optionName2());
            option.put("stockQuantity", o.stockQuantity());
            option.put("price", o.price());
            option.put("sellerManagerCode", o.sellerManagerCode());
            option.put("usable", o.usable());
            options.add(option);
        }
        m.put("options", options);
        return m;
    }

    private static Map<String, Object> productOrderTruth(ProductOrder po, State s, LocalDateTime asOf) {
        Claim claim = po.lifecycle().claim();
        LocalDate settled = Settlements.basisDate(s, asOf);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productOrderId", po.productOrderId());
        m.put("orderId", po.order().orderId());
        m.put("orderDate", format(po.order().orderDate()));
        m.put("paymentDate", format(s.paymentDate));
        m.put("productOrderStatus", s.status);
        m.put("claimType", s.claimType);
        m.put("claimStatus", s.claimStatus);
        m.put("claimId", s.claimType == null ? null : claim.claimId());
        m.put("placeOrderStatus", s.placeOrderDate != null ? "OK" : "CANCELED".equals(s.status) ? "CANCEL" : "NOT_YET");
        m.put("lastChangedType", s.lastChangedType);
        m.put("lastChangedDate", format(s.lastChangedDate));
        m.put("sendDate", format(s.sendDate));
        m.put("deliveredDate", format(s.deliveredDate));
        m.put("decisionDate", format(s.decisionDate));
        m.put("claimRequestDate", format(s.claimRequestDate));
        m.put("claimCompletedDate", format(s.claimCompletedDate));
        m.put("originalProductId", String.valueOf(po.product().originProductNo()));
        m.put("productId", String.valueOf(po.product().channelProductNo()));
        m.put("productName", po.product().name());
        m.put("optionCode", po.option() == null ? null : String.valueOf(po.option().id()));
        m.put("productOption", po.option() == null ? null : po.option().text());
        m.put("sellerProductCode", po.product().sellerManagementCode());
        m.put("optionManageCode", po.option() == null ? null : po.option().sellerManagerCode());
        m.put("quantity", po.quantity());
        m.put("unitPrice", po.unitPrice());
        m.put("optionPrice", po.optionPrice());
        m.put("totalProductAmount", po.totalProductAmount());
        m.put("productDiscountAmount", po.productDiscountAmount());
        m.put("totalPaymentAmount", po.totalPaymentAmount());
        m.put("deliveryFeeAmount", po.deliveryFeeAmount());
        m.put("paymentCommission", po.paymentCommission());
        m.put("saleCommission", po.saleCommission());
        m.put("channelCommission", po.channelCommission());
        m.put("knowledgeShoppingSellingInterlockCommission", po.knowledgeShoppingSellingInterlockCommission());
        m.put("expectedSettlementAmount", po.expectedSettlementAmount());
        m.put("inflowPath", po.inflowPath());
        m.put("settleBasisDate", settled == null ? null : settled.toString());
        return m;
    }

    // ---------------------------------------------------------------- internals

    /** The seller's data, generated on first use and kept (SmartStore sellers are few; nothing is evicted). */
    private SellerData data() {
        SellerData d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = new SellerData(config, index);
                    data = d;
                }
            }
        }
        return d;
    }

    private static LocalDateTime endOf(LocalDate day) {
        return day.atTime(LocalTime.MAX.truncatedTo(ChronoUnit.MILLIS));
    }
}
