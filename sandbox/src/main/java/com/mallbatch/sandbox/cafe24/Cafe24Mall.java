package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Order;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Product;
import com.mallbatch.sandbox.cafe24.Cafe24Data.Variant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * <p>
 * For reconciliation it also serves the daily sales report ({@code GET /api/v2/admin/financials/dailysales}, see
 * {@link DailySales}) and takes knobs that make it disagree with its own truth, each deterministic: an order its list
 * leaves out ({@link #hideOrder}), a day's report figures changed ({@link #adjustDailySales}) or published late
 * ({@link #delayDailySales}), variants whose stock it lists wrongly ({@link #driftListedStock}), and the report's
 * scope revoked ({@link #salesReportScope}). {@link #masterInventory} exports the truth a seller's own stock count
 * would show. See the README beside this class.
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
    private final Drifts drifts = new Drifts();
    private volatile LocalDateTime now;

    Cafe24Mall(String mallId, int index, SandboxConfig config, Faults faults, MallDataCache cache) {
        this.mallId = mallId;
        this.index = index;
        this.config = config;
        this.faults = faults;
        this.cache = cache;
        this.oauth = new Cafe24OAuth(mallId, config, drifts::salesReportScope);
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
                case "/api/v2/admin/financials/dailysales":
                    return dailySales(data, request.query());
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
                .map(this::listed)
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
        Product product = data.product(productNo) == null ? null : listed(data.product(productNo));
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
                .mapToObj(i -> Cafe24Json.categoryProduct(listed(shown.get(i)), i + 1)).toList()));
    }

    private SandboxResponse orderList(MallData data, Map<String, String> query, boolean countOnly) {
        OrderSearch search = OrderSearch.of(query);
        LocalDateTime asOf = now;
        List<Order> matching = data.orders().stream().filter(o -> search.matches(o, asOf) && !drifts.hidden(o.orderId()))
                .toList();
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
        List<Order> ordered = data.orders().stream().filter(o -> o.orderedBy(asOf) && !drifts.hidden(o.orderId())).toList();
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("mall_id", mallId);
        truth.put("today", asOf.toLocalDate().toString());
        truth.put("now", asOf.format(Cafe24Json.DATE_TIME));
        truth.put("categories", data.categories().stream().map(Cafe24Json::category).toList());
        truth.put("products", data.products().stream().map(p -> Cafe24Json.productDetail(listed(p), true, true, false)).toList());
        truth.put("category_products", data.productsByCategory().entrySet().stream().map(e -> Map.of(
                "category_no", e.getKey(), "product_nos", e.getValue().stream().map(Product::productNo).toList())).toList());
        truth.put("orders", ordered.stream().map(o -> Cafe24Json.order(o, asOf, true, itemPaymentAmounts, false)).toList());
        truth.put("coupons", data.coupons().stream().map(Cafe24Json::coupon).toList());
        truth.put("malformed_products", data.products().stream().filter(p -> malformed(data.position(p)))
                .map(Product::productNo).toList());
        truth.put("malformed_orders", ordered.stream().filter(o -> malformed(data.position(o))).map(Order::orderId).toList());
        truth.put("hidden_orders", drifts.hiddenOrders());
        truth.put("listed_stock_drift", stockDrifts(data));
        return truth;
    }

    // ---- the daily sales report ----------------------------------------------------------------------------------

    /**
     * GET /financials/dailysales: one entry per day from start_date to end_date that the mall has published by its
     * "now" (a day is published the next day at 06:00, later when delayed); a day not yet published is left out of
     * the list, a published day without sales is there with zeros. Needs the mall.read_salesreport scope (403
     * without). payment_gateway_name and partner_id are accepted and narrow nothing: the sandbox mall has one PG.
     */
    private SandboxResponse dailySales(MallData data, Map<String, String> query) {
        if (!drifts.salesReportScope()) {
            return SandboxResponse.json(403, Cafe24Json.error(403,
                    "This app has not been granted the scope this API needs. (mall.read_salesreport)"));
        }
        LocalDate start = Params.requiredDate(query, "start_date");
        LocalDate end = Params.requiredDate(query, "end_date");
        if (end.isBefore(start)) {
            throw new InvalidParameter("end_date must not be before start_date. (parameter.end_date)");
        }
        String method = query.get("payment_method");
        if (method != null && !DailySales.PAYMENT_METHODS.contains(method)) {
            throw new InvalidParameter("payment_method must be one of " + new java.util.TreeSet<>(DailySales.PAYMENT_METHODS)
                    + ", got '" + method + "'. (parameter.payment_method)");
        }
        LocalDateTime asOf = now;
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (drifts.published(day, asOf)) {
                days.add(DailySales.json(reported(data, day, asOf, method)));
            }
        }
        return SandboxResponse.json(200, Map.of("dailysales", days));
    }

    /** A day's figures as the report states them: the truth, with the day's adjustment unless narrowed by method. */
    private DaySales reported(MallData data, LocalDate day, LocalDateTime asOf, String method) {
        DaySales truth = DailySales.of(data.orders(), day, asOf, method);
        Drifts.Adjustment adjustment = method == null ? drifts.adjustment(day) : null;
        return adjustment == null ? truth : truth.adjusted(adjustment.countDelta(), adjustment.amountDelta());
    }

    /**
     * The day's sales as the mall's orders give them at its "now", without any knob: the figures a clean report of
     * {@code day} states, and what collected orders must add up to (see the README beside this class).
     */
    public DaySales dailySales(LocalDate day) {
        return DailySales.of(data().orders(), day, now, null);
    }

    // ---- knobs for reconciliation -------------------------------------------------------------------------------

    /**
     * Leaves the order out of the order list and count (and of the ground truth's orders, which names it under
     * hidden_orders) while the daily sales report keeps counting it.
     *
     * @return the order id
     */
    public String hideOrder(String orderId) {
        if (data().order(orderId) == null) {
            throw new IllegalArgumentException(mallId + " has no order " + orderId);
        }
        drifts.hide(orderId);
        return orderId;
    }

    /**
     * Hides one order placed on {@code day}, chosen from the seed among the orders paid by now that still come to
     * something (not fully cancelled) and have no unit waiting to ship, so that hiding it shows only in the order
     * totals, not in a stock check; failing such, any paid order of the day.
     *
     * @return the hidden order's id
     */
    public String hideOrderPlacedOn(LocalDate day) {
        LocalDateTime asOf = now;
        List<Order> paid = data().orders().stream().filter(o -> o.orderDate().toLocalDate().equals(day)
                && o.orderedBy(asOf) && o.paymentDate(asOf) != null && !drifts.hidden(o.orderId())).toList();
        List<Order> quiet = paid.stream().filter(o -> !o.allCancelled(asOf)
                && o.items().stream().noneMatch(i -> MasterInventory.notYetShipped(i.timeline().status(asOf)))).toList();
        List<Order> candidates = quiet.isEmpty() ? paid : quiet;
        if (candidates.isEmpty()) {
            throw new IllegalStateException(mallId + " has no paid order placed on " + day + " to hide");
        }
        Random random = new Random(config.seed() * 7121 + index * 131L + day.toEpochDay());
        return hideOrder(candidates.get(random.nextInt(candidates.size())).orderId());
    }

    /**
     * Changes what the daily sales report states for {@code day}: sales_count by {@code countDelta} and
     * payment_amount by {@code amountDelta} (refund_amount stays). Adds to an earlier change of the same day; applies
     * to the report without a payment_method only.
     */
    public void adjustDailySales(LocalDate day, int countDelta, BigDecimal amountDelta) {
        drifts.adjust(day, countDelta, amountDelta);
    }

    /**
     * Holds the report of {@code day} back until the mall's clock ({@link #now}, moved by {@link #advanceClock})
     * reaches {@code until}: the report leaves the day out until then, as it does before the day is published.
     */
    public void delayDailySales(LocalDate day, LocalDateTime until) {
        drifts.delay(day, until, 0);
    }

    /** Holds the report of {@code day} back for the next {@code requests} report requests that cover it. */
    public void delayDailySales(LocalDate day, int requests) {
        drifts.delay(day, null, requests);
    }

    /** Revokes (false) or grants again (true) the app's mall.read_salesreport scope: without it the report is a 403. */
    public void salesReportScope(boolean granted) {
        drifts.salesReportScope(granted);
    }

    /**
     * Makes the mall list the stock of {@code variants} variants {@code delta} off the truth (above zero: more than the
     * seller has), replacing an earlier drift. The variants are chosen from the seed among those with a seller SKU
     * whose stock the mall tracks and that can go {@code delta} down without passing zero. The product and variant
     * endpoints and the ground truth show the listed count; {@link #masterInventory} keeps the truth.
     *
     * @return the drifted variants, by seller SKU
     */
    public List<StockDrift> driftListedStock(int variants, int delta) {
        if (delta == 0 || variants < 0) {
            throw new IllegalArgumentException("A stock drift needs a delta other than 0 and a count of variants >= 0");
        }
        List<Variant> candidates = new ArrayList<>(data().products().stream().flatMap(p -> p.variants().stream())
                .filter(v -> !v.customVariantCode().isEmpty() && v.useInventory() && v.quantity() + delta >= 0)
                .sorted(Comparator.comparing(Variant::variantCode)).toList());
        if (candidates.size() < variants) {
            throw new IllegalArgumentException(mallId + " has only " + candidates.size() + " variants that can drift by " + delta);
        }
        Collections.shuffle(candidates, new Random(config.seed() * 6113 + index * 97L + delta));
        Map<String, Integer> deltas = new LinkedHashMap<>();
        candidates.subList(0, variants).forEach(v -> deltas.put(v.variantCode(), delta));
        drifts.stockDeltas(deltas);
        return stockDrifts(data());
    }

    /** Drifts the listed stock of the variants with these seller SKUs by the given deltas, replacing an earlier drift. */
    public List<StockDrift> driftListedStock(Map<String, Integer> deltasBySellerSku) {
        Map<String, Integer> deltas = new LinkedHashMap<>();
        Map<String, Variant> bySku = new HashMap<>();
        data().products().forEach(p -> p.variants().forEach(v -> bySku.put(v.customVariantCode(), v)));
        deltasBySellerSku.forEach((sku, delta) -> {
            Variant v = bySku.get(sku);
            if (v == null || sku.isEmpty()) {
                throw new IllegalArgumentException(mallId + " has no variant with seller SKU '" + sku + "'");
            }
            deltas.put(v.variantCode(), delta);
        });
        drifts.stockDeltas(deltas);
        return stockDrifts(data());
    }

    /** The variants whose stock the mall lists wrongly now, by seller SKU. */
    public List<StockDrift> stockDrifts() {
        return stockDrifts(data());
    }

    private List<StockDrift> stockDrifts(MallData data) {
        if (!drifts.anyStockDrift()) {
            return List.of();
        }
        List<StockDrift> drifted = new ArrayList<>();
        for (Product p : data.products()) {
            for (Variant v : p.variants()) {
                int delta = drifts.stockDelta(v.variantCode());
                if (delta != 0) {
                    drifted.add(new StockDrift(v.variantCode(), v.customVariantCode(), v.quantity(), listedQuantity(v)));
                }
            }
        }
        drifted.sort(Comparator.comparing(StockDrift::sellerSku));
        return drifted;
    }

    /** Undoes every knob of this mall: nothing hidden, adjusted, delayed or drifted, the report's scope granted. */
    public void clearDrifts() {
        drifts.clear();
    }

    /** The knobs as they stand, as {@code GET /_sandbox/cafe24/{mall_id}/drifts} shows them. */
    public Map<String, Object> describeDrifts() {
        Map<String, Object> described = drifts.describe();
        described.put("listed_stock_drift", stockDrifts());
        return described;
    }

    /**
     * The seller's physical stock per seller SKU as the truth gives it, for a master inventory workbook: the mall's
     * listed stock without drift plus the units of its paid, not yet shipped, not cancelled order items (order_status
     * N10, N20, N21, N22, C00, C10, C34, C35, C36 at the mall's "now"; canonically PREPARING and CANCEL_REQUESTED) of
     * orders placed on or before {@code asOf}, hidden ones included. Variants without a seller SKU are left out;
     * rows are in SKU order.
     */
    public List<MasterInventoryRow> masterInventory(LocalDate asOf) {
        return MasterInventory.of(data(), asOf, now);
    }

    /** {@link #masterInventory} as the control endpoint answers it (snake_case fields). */
    public List<Map<String, Object>> masterInventoryJson(LocalDate asOf) {
        return masterInventory(asOf).stream().map(MasterInventory::json).toList();
    }

    /** {@link #masterInventory} as tab-separated text with the workbook's header: 셀러 SKU, 재고수량, 기준일. */
    public String masterInventoryTsv(LocalDate asOf) {
        return MasterInventory.tsv(masterInventory(asOf));
    }

    /** The product as the mall lists it: with drifted stock counts where a drift is set. */
    private Product listed(Product p) {
        if (!drifts.anyStockDrift() || p.variants().stream().allMatch(v -> drifts.stockDelta(v.variantCode()) == 0)) {
            return p;
        }
        return p.withVariants(p.variants().stream().map(v -> v.withQuantity(listedQuantity(v))).toList());
    }

    private int listedQuantity(Variant v) {
        return Math.max(0, v.quantity() + drifts.stockDelta(v.variantCode()));
    }

    private static LocalDateTime endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59));
    }

    private static Set<String> embed(Map<String, String> query) {
        String embed = query.get("embed");
        return embed == null ? Set.of() : new HashSet<>(Arrays.asList(embed.split(",")));
    }
}
