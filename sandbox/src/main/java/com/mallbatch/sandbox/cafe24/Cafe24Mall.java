package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.mallbatch.sandbox.cafe24.Params.intParam;
import static com.mallbatch.sandbox.cafe24.Params.longParam;

/**
 * One Cafe24 mall: its data, its OAuth server, its call bucket, and the Admin API endpoints mallbatch reads, with the
 * documented paging limits (products: limit 100, offset 5000; orders: limit 1000, offset 15000, a 3-month range;
 * products by category: limit 50000, no offset). Orders answer as they stand at the mall's clock, "now": the end of
 * its today, which tests may move forward.
 * <p>
 * The mall itself holds only what is small; its catalogue and orders are generated on first use and kept in the
 * platform's {@link MallDataCache}, which may drop them again. The scenario's returns are kept here and re-applied
 * whenever the data is generated anew, so eviction never shows.
 */
public final class Cafe24Mall {

    private static final Pattern PRODUCT_PATH = Pattern.compile("/api/v2/admin/products/(\\d+)(/variants(?:/([A-Z0-9]+)/inventories)?)?");
    private static final Pattern CATEGORY_PRODUCTS_PATH = Pattern.compile("/api/v2/admin/categories/(\\d+)/products(/count)?");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final String DEFAULT_API_VERSION = "2025-12-01";

    private final String mallId;
    private final int index;
    private final SandboxConfig config;
    private final Faults faults;
    private final MallDataCache cache;
    private final Cafe24OAuth oauth;
    private final LeakyBucket bucket;
    /** Every third mall has discount auto-calculation off, so its items' payment_amount is null (as documented). */
    private final boolean itemPaymentAmounts;
    /** The scenario's returns in the order they were made, guarded by this mall's lock. */
    private final List<ItemReturn> returns = new ArrayList<>();
    private final AtomicLong acceptedCalls = new AtomicLong();
    private final AtomicLong rejected429 = new AtomicLong();
    private volatile LocalDateTime now;

    Cafe24Mall(String mallId, int index, SandboxConfig config, Faults faults, MallDataCache cache) {
        this.mallId = mallId;
        this.index = index;
        this.config = config;
        this.faults = faults;
        this.cache = cache;
        this.oauth = new Cafe24OAuth(mallId, config);
        this.bucket = new LeakyBucket(config.bucketCapacity(), config.leakPerSecond());
        this.itemPaymentAmounts = index % 3 != 0;
        this.now = endOf(config.today());
    }

    public String mallId() {
        return mallId;
    }

    public String clientId() {
        return oauth.clientId();
    }

    public String clientSecret() {
        return oauth.clientSecret();
    }

    /** The refresh token that works right now (the initial one until a client rotates it). */
    public String currentRefreshToken() {
        return oauth.currentRefreshToken();
    }

    public long acceptedCalls() {
        return acceptedCalls.get();
    }

    public long rejected429() {
        return rejected429.get();
    }

    public int refreshCount() {
        return oauth.refreshCount();
    }

    void expireAccessTokens() {
        oauth.expireAll();
    }

    /** The mall's "now": orders and their items show what happened up to this moment. */
    public LocalDateTime now() {
        return now;
    }

    /** Moves "now" to the end of {@code today}, revealing what the timelines hold until then; never backwards. */
    public synchronized void advanceClock(LocalDate today) {
        LocalDateTime next = endOf(today);
        if (next.isBefore(now)) {
            throw new IllegalArgumentException("The clock of " + mallId + " stands at " + now + "; it cannot go back to " + today);
        }
        now = next;
    }

    /**
     * The buyer returns an item: R00 at {@code requestedAt}, R10 an hour later and R40 at {@code refundedAt}, or only
     * the request when {@code refundedAt} is null. What the item still had ahead of it (delivery, purchase
     * confirmation) gives way to the return.
     */
    public synchronized void returnItem(String orderItemCode, LocalDateTime requestedAt, LocalDateTime refundedAt) {
        MallData data = data();
        if (data.item(orderItemCode) == null) {
            throw new IllegalArgumentException(mallId + " has no order item " + orderItemCode);
        }
        ItemReturn itemReturn = new ItemReturn(orderItemCode, requestedAt, refundedAt);
        data.apply(itemReturn);
        returns.add(itemReturn);
    }

    /** The mall's data: the cached copy, or one generated now (with the scenario's returns) if none is cached. */
    private MallData data() {
        MallData data = cache.get(mallId);
        return data != null ? data : generateData();
    }

    /** Under the mall's lock, so concurrent requests generate once and a return cannot slip in unrecorded. */
    private synchronized MallData generateData() {
        MallData data = cache.get(mallId);
        if (data == null) {
            data = new MallData(config, index);
            returns.forEach(data::apply);
            cache.put(mallId, data);
        }
        return data;
    }

    SandboxResponse handle(SandboxRequest request) {
        if (request.path().equals("/api/v2/oauth/token")) {
            return oauth.token(request);
        }
        if (!request.path().startsWith("/api/v2/admin/")) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "No API found: " + request.path()));
        }
        String rejected = oauth.rejectBearer(request.header("Authorization"));
        if (rejected != null) {
            return SandboxResponse.json(401, Cafe24Json.error(401, rejected));
        }
        String version = request.header("X-Cafe24-Api-Version");
        if (version != null && !API_VERSION.matcher(version).matches()) {
            return SandboxResponse.json(400, Cafe24Json.error(400, "Invalid X-Cafe24-Api-Version: " + version));
        }
        int level = faults.forced429() ? -1 : bucket.tryAdd();
        if (level < 0) {
            rejected429.incrementAndGet();
            return SandboxResponse.json(429, Cafe24Json.error(429, "Too Many Requests. (api_call_limit)"))
                    .header("X-Api-Call-Limit", bucket.capacity() + "/" + bucket.capacity());
        }
        acceptedCalls.incrementAndGet();
        // Faults see the full path, so a fragment can single out one mall or hit an endpoint on every mall; a
        // request turned away above (401, 429) never reaches the API and so uses up no failNext.
        String target = fullPath(request);
        SandboxResponse response = faults.failNextHit(target) || faults.serverError(target)
                ? SandboxResponse.json(503, Cafe24Json.error(503, "Service Unavailable. Please try again later."))
                : route(request);
        return response.header("X-Api-Call-Limit", level + "/" + bucket.capacity())
                .header("X-Cafe24-Api-Version", version == null ? DEFAULT_API_VERSION : version);
    }

    /** The path and query as the sandbox serves them, e.g. {@code /cafe24/sandbox07/api/v2/admin/orders?limit=10}. */
    private String fullPath(SandboxRequest request) {
        String query = request.exchange().getRequestURI().getRawQuery();
        return "/cafe24/" + mallId + request.path() + (query == null ? "" : "?" + query);
    }

    private SandboxResponse route(SandboxRequest request) {
        if (!request.method().equals("GET")) {
            return SandboxResponse.json(405, Cafe24Json.error(405, "Method not allowed: the sandbox is read-only"));
        }
        MallData data = data();
        try {
            String path = request.path();
            switch (path) {
                case "/api/v2/admin/products":
                    return productList(data, request.query());
                case "/api/v2/admin/products/count":
                    return count(data.products().size());
                case "/api/v2/admin/categories":
                    return page("categories", data.categories(), request.query(), 100, 5000, Cafe24Json::category);
                case "/api/v2/admin/categories/count":
                    return count(data.categories().size());
                case "/api/v2/admin/orders":
                    return orderList(data, request.query(), false);
                case "/api/v2/admin/orders/count":
                    return orderList(data, request.query(), true);
                case "/api/v2/admin/coupons":
                    return page("coupons", data.coupons(), request.query(), 500, 8000, Cafe24Json::coupon);
                case "/api/v2/admin/coupons/count":
                    return count(data.coupons().size());
                default:
                    Matcher category = CATEGORY_PRODUCTS_PATH.matcher(path);
                    return category.matches() ? categoryProducts(data, category, request.query())
                            : productResource(data, path, request.query());
            }
        } catch (InvalidParameter e) {
            return SandboxResponse.json(422, Cafe24Json.error(422, e.getMessage()));
        }
    }

    private SandboxResponse productList(MallData data, Map<String, String> query) {
        int limit = intParam(query, "limit", 10, 1, 100);
        int offset = intParam(query, "offset", 0, 0, 5000);
        long since = longParam(query, "since_product_no", 0);
        Set<String> embed = embed(query);
        List<Map<String, Object>> page = data.products().stream()
                .filter(p -> p.productNo() > since)
                .skip(offset).limit(limit)
                .map(p -> Cafe24Json.product(p, embed.contains("variants"), embed.contains("inventories"),
                        malformed(data.position(p))))
                .toList();
        return SandboxResponse.json(200, Map.of("products", page));
    }

    private SandboxResponse productResource(MallData data, String path, Map<String, String> query) {
        Matcher m = PRODUCT_PATH.matcher(path);
        if (!m.matches()) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "No API found: " + path));
        }
        long productNo = Long.parseLong(m.group(1));
        Product product = data.product(productNo);
        if (product == null) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "Product " + productNo + " does not exist."));
        }
        Set<String> embed = embed(query);
        if (m.group(2) == null) {
            return SandboxResponse.json(200, Map.of("product", Cafe24Json.productDetail(product,
                    embed.contains("variants"), embed.contains("inventories"), malformed(data.position(product)))));
        }
        if (m.group(3) == null) {
            return SandboxResponse.json(200, Map.of("variants", product.variants().stream()
                    .map(v -> Cafe24Json.variant(product, v, embed.contains("inventories"))).toList()));
        }
        return product.variants().stream().filter(v -> v.variantCode().equals(m.group(3))).findFirst()
                .map(v -> SandboxResponse.json(200, Map.<String, Object>of("inventory", Cafe24Json.inventory(v))))
                .orElse(SandboxResponse.json(404, Cafe24Json.error(404, "Variant " + m.group(3) + " does not exist.")));
    }

    /**
     * GET /categories/{category_no}/products[/count]: display_group is required; group 1 holds the category's
     * products in product_no order, and groups 2 (recommended) and 3 (new) are empty, as no product is marked so.
     */
    private SandboxResponse categoryProducts(MallData data, Matcher path, Map<String, String> query) {
        int categoryNo = Integer.parseInt(path.group(1));
        List<Product> members = data.productsByCategory().get(categoryNo);
        if (members == null) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "Category " + categoryNo + " does not exist."));
        }
        List<Product> shown = Params.requiredInt(query, "display_group", 1, 3) == 1 ? members : List.of();
        if (path.group(2) != null) {
            return count(shown.size());
        }
        int limit = intParam(query, "limit", 50_000, 1, 50_000);
        return SandboxResponse.json(200, Map.of("products", IntStream.range(0, Math.min(limit, shown.size()))
                .mapToObj(i -> Cafe24Json.categoryProduct(shown.get(i), i + 1)).toList()));
    }

    private SandboxResponse orderList(MallData data, Map<String, String> query, boolean countOnly) {
        OrderSearch search = OrderSearch.of(query);
        LocalDateTime asOf = now;
        List<Order> matching = data.orders().stream().filter(o -> search.matches(o, asOf)).toList();
        if (countOnly) {
            return count(matching.size());
        }
        int limit = intParam(query, "limit", 10, 1, 1000);
        int offset = intParam(query, "offset", 0, 0, 15000);
        boolean items = embed(query).contains("items");
        return SandboxResponse.json(200, Map.of("orders", matching.stream().skip(offset).limit(limit)
                .map(o -> Cafe24Json.order(o, asOf, items, itemPaymentAmounts, malformed(data.position(o)))).toList()));
    }

    private <T> SandboxResponse page(String name, List<T> all, Map<String, String> query, int maxLimit, int maxOffset,
                                     Function<T, Map<String, Object>> render) {
        int limit = intParam(query, "limit", 10, 1, maxLimit);
        int offset = intParam(query, "offset", 0, 0, maxOffset);
        return SandboxResponse.json(200, Map.of(name, all.stream().skip(offset).limit(limit).map(render).toList()));
    }

    private static SandboxResponse count(int n) {
        return SandboxResponse.json(200, Map.of("count", n));
    }

    /** Whether the record at this 1-based position carries a corrupted field under the current faults. */
    private boolean malformed(int position) {
        int every = faults.malformedRecordEvery();
        return every > 0 && position % every == 0;
    }

    /**
     * Everything this mall holds at its "now", in the API's own format: products as the detail endpoint renders
     * them (with category, variants and inventories), orders with their items, which products each category lists,
     * and which records the current faults corrupt.
     */
    public Map<String, Object> groundTruth() {
        MallData data = data();
        LocalDateTime asOf = now;
        List<Order> ordered = data.orders().stream().filter(o -> o.orderedBy(asOf)).toList();
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("mall_id", mallId);
        truth.put("today", asOf.toLocalDate().toString());
        truth.put("now", asOf.format(Cafe24Json.DATE_TIME));
        truth.put("categories", data.categories().stream().map(Cafe24Json::category).toList());
        truth.put("products", data.products().stream().map(p -> Cafe24Json.productDetail(p, true, true, false)).toList());
        truth.put("category_products", data.productsByCategory().entrySet().stream().map(e -> Map.of(
                "category_no", e.getKey(), "product_nos", e.getValue().stream().map(Product::productNo).toList())).toList());
        truth.put("orders", ordered.stream().map(o -> Cafe24Json.order(o, asOf, true, itemPaymentAmounts, false)).toList());
        truth.put("coupons", data.coupons().stream().map(Cafe24Json::coupon).toList());
        truth.put("malformed_products", data.products().stream().filter(p -> malformed(data.position(p)))
                .map(Product::productNo).toList());
        truth.put("malformed_orders", ordered.stream().filter(o -> malformed(data.position(o))).map(Order::orderId).toList());
        return truth;
    }

    private static LocalDateTime endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59));
    }

    private static Set<String> embed(Map<String, String> query) {
        String embed = query.get("embed");
        return embed == null ? Set.of() : new HashSet<>(Arrays.asList(embed.split(",")));
    }
}
