package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/**
 * One Cafe24 mall: its data, its OAuth server, its call bucket, and the Admin API endpoints mallbatch reads, with the
 * documented paging limits (products: limit 100, offset 5000; orders: limit 1000, offset 15000, a 3-month range).
 */
public final class Cafe24Mall {

    private static final Pattern PRODUCT_PATH = Pattern.compile("/api/v2/admin/products/(\\d+)(/variants(?:/([A-Z0-9]+)/inventories)?)?");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final String DEFAULT_API_VERSION = "2025-12-01";

    private final String mallId;
    private final SandboxConfig config;
    private final Faults faults;
    private final Cafe24OAuth oauth;
    private final LeakyBucket bucket;
    private final List<Cafe24Data.Category> categories;
    private final List<Product> products;
    private final List<Order> orders;
    private final List<Cafe24Data.Coupon> coupons;
    private final Map<Long, Integer> productPosition = new java.util.HashMap<>();
    private final Map<String, Integer> orderPosition = new java.util.HashMap<>();
    private final AtomicLong acceptedCalls = new AtomicLong();
    private final AtomicLong rejected429 = new AtomicLong();

    Cafe24Mall(String mallId, int index, SandboxConfig config, Faults faults) {
        this.mallId = mallId;
        this.config = config;
        this.faults = faults;
        this.oauth = new Cafe24OAuth(mallId, config);
        this.bucket = new LeakyBucket(config.bucketCapacity(), config.leakPerSecond());
        Cafe24DataGenerator generator = new Cafe24DataGenerator(config, index);
        this.categories = generator.categories();
        this.products = generator.products();
        this.orders = generator.orders(products);
        this.coupons = generator.coupons();
        for (int i = 0; i < products.size(); i++) {
            productPosition.put(products.get(i).productNo(), i + 1);
        }
        for (int i = 0; i < orders.size(); i++) {
            orderPosition.put(orders.get(i).orderId(), i + 1);
        }
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
        SandboxResponse response = faults.serverError(request.path())
                ? SandboxResponse.json(503, Cafe24Json.error(503, "Service Unavailable. Please try again later."))
                : route(request);
        return response.header("X-Api-Call-Limit", level + "/" + bucket.capacity())
                .header("X-Cafe24-Api-Version", version == null ? DEFAULT_API_VERSION : version);
    }

    private SandboxResponse route(SandboxRequest request) {
        if (!request.method().equals("GET")) {
            return SandboxResponse.json(405, Cafe24Json.error(405, "Method not allowed: the sandbox is read-only"));
        }
        try {
            String path = request.path();
            switch (path) {
                case "/api/v2/admin/products":
                    return productList(request.query());
                case "/api/v2/admin/products/count":
                    return count(products.size());
                case "/api/v2/admin/categories":
                    return page("categories", categories, request.query(), 100, 5000, Cafe24Json::category);
                case "/api/v2/admin/categories/count":
                    return count(categories.size());
                case "/api/v2/admin/orders":
                    return orderList(request.query(), false);
                case "/api/v2/admin/orders/count":
                    return orderList(request.query(), true);
                case "/api/v2/admin/coupons":
                    return page("coupons", coupons, request.query(), 500, 8000, Cafe24Json::coupon);
                case "/api/v2/admin/coupons/count":
                    return count(coupons.size());
                default:
                    return productResource(path, request.query());
            }
        } catch (InvalidParameter e) {
            return SandboxResponse.json(422, Cafe24Json.error(422, e.getMessage()));
        }
    }

    private SandboxResponse productList(Map<String, String> query) {
        int limit = intParam(query, "limit", 10, 1, 100);
        int offset = intParam(query, "offset", 0, 0, 5000);
        long since = longParam(query, "since_product_no", 0);
        Set<String> embed = embed(query);
        List<Map<String, Object>> page = products.stream()
                .filter(p -> p.productNo() > since)
                .skip(offset).limit(limit)
                .map(p -> Cafe24Json.product(p, embed.contains("variants"), embed.contains("inventories"), malformed(p)))
                .toList();
        return SandboxResponse.json(200, Map.of("products", page));
    }

    private SandboxResponse productResource(String path, Map<String, String> query) {
        Matcher m = PRODUCT_PATH.matcher(path);
        if (!m.matches()) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "No API found: " + path));
        }
        long productNo = Long.parseLong(m.group(1));
        Product product = products.stream().filter(p -> p.productNo() == productNo).findFirst().orElse(null);
        if (product == null) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "Product " + productNo + " does not exist."));
        }
        Set<String> embed = embed(query);
        if (m.group(2) == null) {
            return SandboxResponse.json(200, Map.of("product", Cafe24Json.product(product,
                    embed.contains("variants"), embed.contains("inventories"), malformed(product))));
        }
        if (m.group(3) == null) {
            return SandboxResponse.json(200, Map.of("variants", product.variants().stream()
                    .map(v -> Cafe24Json.variant(product, v, embed.contains("inventories"))).toList()));
        }
        return product.variants().stream().filter(v -> v.variantCode().equals(m.group(3))).findFirst()
                .map(v -> SandboxResponse.json(200, Map.<String, Object>of("inventory", Cafe24Json.inventory(v))))
                .orElse(SandboxResponse.json(404, Cafe24Json.error(404, "Variant " + m.group(3) + " does not exist.")));
    }

    private SandboxResponse orderList(Map<String, String> query, boolean countOnly) {
        LocalDate start = dateParam(query, "start_date");
        LocalDate end = dateParam(query, "end_date");
        if (end.isBefore(start)) {
            throw new InvalidParameter("end_date must not be before start_date. (parameter.end_date)");
        }
        if (end.isAfter(start.plusMonths(3))) {
            throw new InvalidParameter("The search period may not exceed 3 months. (parameter.start_date, parameter.end_date)");
        }
        String dateType = query.getOrDefault("date_type", "order_date");
        if (!dateType.equals("order_date") && !dateType.equals("pay_date")) {
            throw new InvalidParameter("date_type supports order_date and pay_date in the sandbox. (parameter.date_type)");
        }
        List<Order> matching = orders.stream().filter(o -> {
            var at = dateType.equals("pay_date") ? o.paymentDate() : o.orderDate();
            return at != null && !at.toLocalDate().isBefore(start) && !at.toLocalDate().isAfter(end);
        }).toList();
        if (countOnly) {
            return count(matching.size());
        }
        int limit = intParam(query, "limit", 10, 1, 1000);
        int offset = intParam(query, "offset", 0, 0, 15000);
        boolean items = embed(query).contains("items");
        return SandboxResponse.json(200, Map.of("orders", matching.stream().skip(offset).limit(limit)
                .map(o -> Cafe24Json.order(o, items, malformed(o))).toList()));
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

    private boolean malformed(Product p) {
        int every = faults.malformedRecordEvery();
        return every > 0 && productPosition.get(p.productNo()) % every == 0;
    }

    private boolean malformed(Order o) {
        int every = faults.malformedRecordEvery();
        return every > 0 && orderPosition.get(o.orderId()) % every == 0;
    }

    /** Everything this mall holds, in the API's own format, plus which records the current faults corrupt. */
    public Map<String, Object> groundTruth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("mall_id", mallId);
        truth.put("today", config.today().toString());
        truth.put("categories", categories.stream().map(Cafe24Json::category).toList());
        truth.put("products", products.stream().map(p -> Cafe24Json.product(p, true, true, false)).toList());
        truth.put("orders", orders.stream().map(o -> Cafe24Json.order(o, true, false)).toList());
        truth.put("coupons", coupons.stream().map(Cafe24Json::coupon).toList());
        truth.put("malformed_products", products.stream().filter(this::malformed).map(Product::productNo).toList());
        truth.put("malformed_orders", orders.stream().filter(this::malformed).map(Order::orderId).toList());
        return truth;
    }

    private static Set<String> embed(Map<String, String> query) {
        String embed = query.get("embed");
        return embed == null ? Set.of() : new HashSet<>(Arrays.asList(embed.split(",")));
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        long value = longParam(query, name, fallback);
        if (value < min || value > max) {
            throw new InvalidParameter("The value of " + name + " must be between " + min + " and " + max
                    + ". (parameter." + name + ")");
        }
        return (int) value;
    }

    private static long longParam(Map<String, String> query, String name, long fallback) {
        String raw = query.get(name);
        try {
            return raw == null ? fallback : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name + " must be a number, got '" + raw + "'. (parameter." + name + ")");
        }
    }

    private static LocalDate dateParam(Map<String, String> query, String name) {
        String raw = query.get(name);
        if (raw == null) {
            throw new InvalidParameter(name + " is a required field. (parameter." + name + ")");
        }
        try {
            return Cafe24Json.parseDate(raw).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name + " must be YYYY-MM-DD, got '" + raw + "'. (parameter." + name + ")");
        }
    }

    private static final class InvalidParameter extends RuntimeException {
        InvalidParameter(String message) {
            super(message);
        }
    }
}
