package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
 * expires after a number of requests or 30 minutes (then every page redirects to the login), robots.txt, a
 * dashboard, and behind them its flavour's {@link BackOffice}: paginated product and order lists and product pages.
 */
public final class SellerCenter {

    private static final String COOKIE = "SC_SESSION";
    private static final Duration SESSION_TTL = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(Instant started, AtomicInteger requests) {
    }

    /** One received request: "GET /products?page=3" and when it arrived (System.nanoTime). */
    private record Received(String line, long startNanos) {
    }

    private final String id;
    private final String base;
    private final SandboxConfig config;
    private final Faults faults;
    private final BackOffice backOffice;
    private final Set<String> csrfTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger logins = new AtomicInteger();

    SellerCenter(String id, SandboxConfig config, Faults faults, BackOffice backOffice) {
        this.id = id;
        this.base = base(id);
        this.config = config;
        this.faults = faults;
        this.backOffice = backOffice;
    }

    /** The path every page of center {@code id} lives under. */
    static String base(String id) {
        return "/seller/" + id;
    }

    public String id() {
        return id;
    }

    /** How a crawler has to read it: "html", "next-data" or "line-rows" (see {@link SellerCenterFlavour}). */
    public String flavour() {
        return backOffice.flavour().id();
    }

    /** The crawl profile bundled with mallbatch that reads this center, e.g. "stylemarket". */
    public String crawlProfile() {
        return backOffice.flavour().crawlProfile();
    }

    public String username() {
        return "seller-" + id;
    }

    public String password() {
        return "pw-" + id + "-" + Long.toHexString(config.seed());
    }

    /** Every request this center received, "GET /products?page=3" style, oldest first. */
    public List<String> requestLog() {
        synchronized (received) {
            return received.stream().map(Received::line).toList();
        }
    }

    /**
     * When each request of {@link #requestLog()} arrived ({@link System#nanoTime()}), in the same order: logins and
     * requests answered with a redirect count like any other, as they all cost the site.
     */
    public List<Long> requestStartNanos() {
        synchronized (received) {
            return received.stream().map(Received::startNanos).toList();
        }
    }

    /** Forgets the request log and its start times. */
    public void clearRequestLog() {
        received.clear();
    }

    public int logins() {
        return logins.get();
    }

    SandboxResponse handle(SandboxRequest request) {
        long startNanos = System.nanoTime();
        String query = request.exchange().getRequestURI().getRawQuery();
        String target = request.path() + (query == null ? "" : "?" + query);
        received.add(new Received(request.method() + " " + target, startNanos));
        // a transient failure in front of the site hits whatever it matches, logged in or not
        if (faults.failNextHit(base + target)) {
            return unavailable();
        }
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
        if (faults.serverError(base + target)) {
            return unavailable();
        }
        if (path.equals("/dashboard")) {
            return SandboxResponse.html(200, SellerCenterPages.dashboard(username()));
        }
        try {
            return backOffice.page(path, request);
        } catch (NumberFormatException | DateTimeParseException e) {
            return SandboxResponse.html(400, Html.page("잘못된 요청", "<p>" + Html.escape(e.getMessage()) + "</p>"));
        }
    }

    private static SandboxResponse unavailable() {
        return SandboxResponse.html(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
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
        if (faults.captchaOnLogin()) {
            return SandboxResponse.html(200, SellerCenterPages.captcha());
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
        truth.putAll(backOffice.groundTruth());
        truth.put("driftedFields", driftedFields().stream().map(DriftedField::toMap).toList());
        return truth;
    }

    /**
     * The variant fields the {@link com.mallbatch.sandbox.PageFieldFault} in force changes on this center's product
     * pages, in product and variant order (none without one); {@code groundTruth()} keeps the true values.
     */
    public List<DriftedField> driftedFields() {
        return backOffice.driftedFields();
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
