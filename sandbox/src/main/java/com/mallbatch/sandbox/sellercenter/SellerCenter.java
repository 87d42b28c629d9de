package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Order;
import com.mallbatch.sandbox.sellercenter.SellerCenterData.Product;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One crawl-only seller center under {@code /seller/{id}}: a login form with a CSRF field and a session cookie that
 * expires after a number of requests or 30 minutes (then every page redirects to the login), paginated product and
 * order lists, product pages, and robots.txt.
 */
public final class SellerCenter {

    static final int PRODUCTS_PER_PAGE = 20;
    static final int ORDERS_PER_PAGE = 20;
    private static final String COOKIE = "SC_SESSION";
    private static final Duration SESSION_TTL = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(Instant started, AtomicInteger requests) {
    }

    private final String id;
    private final boolean nextData;
    private final String base;
    private final SandboxConfig config;
    private final Faults faults;
    private final SellerCenterData data;
    private final Set<String> csrfTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger logins = new AtomicInteger();

    SellerCenter(String id, int index, boolean nextData, SandboxConfig config, Faults faults) {
        this.id = id;
        this.nextData = nextData;
        this.base = "/seller/" + id;
        this.config = config;
        this.faults = faults;
        this.data = new SellerCenterData(config, index);
    }

    public String id() {
        return id;
    }

    public String flavour() {
        return nextData ? "next-data" : "html";
    }

    public String username() {
        return "seller-" + id;
    }

    public String password() {
        return "pw-" + id + "-" + Long.toHexString(config.seed());
    }

    /** Every request this center received, "GET /products?page=3" style, oldest first. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    public int logins() {
        return logins.get();
    }

    SandboxResponse handle(SandboxRequest request) {
        String query = request.exchange().getRequestURI().getRawQuery();
        requestLog.add(request.method() + " " + request.path() + (query == null ? "" : "?" + query));
        String path = request.path();
        if (path.equals("/robots.txt")) {
            return SandboxResponse.text("User-agent: *\nDisallow: " + base + "/settings\nAllow: /\n");
        }
        if (path.equals("/login")) {
            return request.method().equals("POST") ? login(request) : loginPage(null);
        }
        if (!validSession(request)) {
            return SandboxResponse.redirect(base + "/login");
        }
        if (faults.blocked()) {
            return SandboxResponse.html(200, SellerCenterPages.captcha());
        }
        if (faults.serverError(base + path + (query == null ? "" : "?" + query))) {
            return SandboxResponse.html(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        }
        SellerCenterPages pages = nextData ? new NextDataPages() : new TablePages(base, faults.layoutV2());
        try {
            if (path.equals("/dashboard")) {
                return SandboxResponse.html(200, SellerCenterPages.dashboard(username()));
            }
            if (path.equals("/products")) {
                int page = page(request);
                int total = pages(data.products.size(), PRODUCTS_PER_PAGE);
                return SandboxResponse.html(200, pages.productList(slice(data.products, page, PRODUCTS_PER_PAGE), page, total));
            }
            if (path.startsWith("/products/")) {
                long productId = Long.parseLong(path.substring("/products/".length()));
                return data.products.stream().filter(p -> p.id() == productId).findFirst()
                        .map(p -> SandboxResponse.html(200, pages.product(p)))
                        .orElse(SandboxResponse.html(404, Html.page("없는 상품", "<p>상품을 찾을 수 없습니다.</p>")));
            }
            if (path.equals("/orders")) {
                String date = request.query().getOrDefault("date", config.today().toString());
                List<Order> day = data.ordersOn(LocalDate.parse(date));
                int page = page(request);
                return SandboxResponse.html(200, pages.orderList(date, slice(day, page, ORDERS_PER_PAGE), page,
                        pages(day.size(), ORDERS_PER_PAGE)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return SandboxResponse.html(400, Html.page("잘못된 요청", "<p>" + Html.escape(e.getMessage()) + "</p>"));
        }
        return SandboxResponse.html(404, Html.page("페이지 없음", "<p>요청하신 페이지를 찾을 수 없습니다.</p>"));
    }

    private SandboxResponse loginPage(String error) {
        String csrf = token();
        csrfTokens.add(csrf);
        return SandboxResponse.html(200, SellerCenterPages.login(base + "/login", csrf, error));
    }

    private SandboxResponse login(SandboxRequest request) {
        Map<String, String> form = request.form();
        if (!csrfTokens.remove(form.getOrDefault("_csrf", ""))) {
            return loginPage("보안 토큰이 만료되었습니다. 다시 시도해 주세요.");
        }
        if (!username().equals(form.get("username")) || !password().equals(form.get("password"))) {
            return loginPage("아이디 또는 비밀번호가 올바르지 않습니다.");
        }
        String session = token();
        sessions.put(session, new Session(Instant.now(), new AtomicInteger()));
        logins.incrementAndGet();
        return SandboxResponse.redirect(base + "/dashboard")
                .header("Set-Cookie", COOKIE + "=" + session + "; Path=" + base + "; HttpOnly");
    }

    private boolean validSession(SandboxRequest request) {
        String cookies = request.header("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String cookie : cookies.split(";\\s*")) {
            if (cookie.startsWith(COOKIE + "=")) {
                String token = cookie.substring(COOKIE.length() + 1);
                Session session = sessions.get(token);
                if (session == null) {
                    return false;
                }
                if (session.requests().incrementAndGet() > config.sessionMaxRequests()
                        || Instant.now().isAfter(session.started().plus(SESSION_TTL))) {
                    sessions.remove(token);
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    /** Everything this center holds, for tests to compare a crawl with. */
    public Map<String, Object> groundTruth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("id", id);
        truth.put("flavour", flavour());
        truth.put("products", data.products.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("code", p.code());
            m.put("name", p.name());
            m.put("price", p.price());
            m.put("selling", p.selling());
            m.put("variants", p.variants().stream().map(v -> Map.of("option", v.option(), "sku", v.sku(),
                    "stock", v.stock(), "stockText", v.stockText(), "extraPrice", v.extraPrice())).toList());
            return m;
        }).toList());
        truth.put("orders", data.orders.stream().map(o -> Map.of("orderNo", o.orderNo(),
                "orderedAt", o.orderedAt().toString(), "total", o.total(),
                "lines", o.lines().stream().map(l -> Map.of("lineNo", l.lineNo(), "productId", l.product().id(),
                        "productName", l.product().name(), "option", l.variant().option(), "sku", l.variant().sku(),
                        "quantity", l.quantity(), "unitPrice", l.unitPrice(), "status", l.status())).toList())).toList());
        return truth;
    }

    private static int page(SandboxRequest request) {
        return Math.max(1, Integer.parseInt(request.query().getOrDefault("page", "1")));
    }

    private static int pages(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    private static <T> List<T> slice(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return all.subList(from, Math.min(all.size(), from + perPage));
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    List<Product> products() {
        return data.products;
    }
}
