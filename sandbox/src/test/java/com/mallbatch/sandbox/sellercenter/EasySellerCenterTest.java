package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The easyseller ("line-rows") seller center over real HTTP, and the seller-center faults added with it. */
class EasySellerCenterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("<tr class=\"(?:order-line|item|option)\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td class=\"([^\"]+)\">(.*?)</td>");
    private static final Pattern NEXT = Pattern.compile("<a class=\"next\" href=\"([^\"]+)\">");
    private static final Pattern SUMMARY = Pattern.compile("<div class=\"day-summary\">주문 <span class=\"order-count\">"
            + "([0-9,]+)</span>건 · 결제금액 <span class=\"order-amount\">([0-9,]+)원</span></div>");

    private static SandboxServer sandbox;
    private static SellerCenter center;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.small().withToday(TODAY).withMalls(0)
                .withSellerCenters(1, 1, 10_000).withLineSellerCenters(1), 0);
        center = sandbox.sellerCenters().center("easyseller01");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @Test
    void listedWithTheLineRowsFlavour() {
        assertThat(sandbox.sellerCenters().descriptors(sandbox::sellerCenterBaseUrl))
                .anySatisfy(d -> assertThat(d).containsEntry("id", "easyseller01").containsEntry("flavour", "line-rows")
                        .containsEntry("base_url", sandbox.baseUrl() + "/seller/easyseller01"));
        assertThat(center.groundTruth()).containsKeys("id", "flavour", "products", "orders", "dailyTotals")
                .containsEntry("flavour", "line-rows");
    }

    @Test
    void orderListPagesByLineAndSplitsAnOrderAcrossPages() throws Exception {
        Browser browser = Browser.loggedIn(center);
        LocalDate day = TODAY.minusDays(1);
        List<List<Map<String, String>>> pages = new ArrayList<>();
        String url = "/orders?date=" + day + "&page=1";
        List<String> summaries = new ArrayList<>();
        while (url != null) {
            String html = browser.get(url.replace("/seller/easyseller01", "")).body();
            pages.add(rows(html));
            Matcher summary = SUMMARY.matcher(html);
            assertThat(summary.find()).as("day summary on " + url).isTrue();
            summaries.add(summary.group(1) + "/" + summary.group(2));
            Matcher next = NEXT.matcher(html);
            url = next.find() ? next.group(1) : null;
        }

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages.get(0)).hasSize(20);
        assertThat(last(pages.get(0)).get("order-no")).as("an order split over the first page break")
                .isEqualTo(pages.get(1).get(0).get("order-no"));
        assertThat(last(pages.get(0)).get("line-no")).isNotEqualTo(pages.get(1).get(0).get("line-no"));

        Map<String, Object> totals = dailyTotals(day);
        long count = ((Number) totals.get("orderCount")).longValue();
        long amount = ((Number) totals.get("amount")).longValue();
        assertThat(summaries).as("the same whole-day box on every page")
                .allMatch(s -> s.equals(String.format("%,d/%,d", count, amount)));

        List<Map<String, String>> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all.stream().map(r -> r.get("order-no")).distinct().count()).isEqualTo(count);
        assertThat(all.stream().filter(r -> !r.get("line-status").equals("취소완료")).mapToLong(r -> won(r.get("paid"))).sum())
                .isEqualTo(amount);
        assertThat(all).allSatisfy(r -> assertThat(won(r.get("paid"))).isEqualTo(
                won(r.get("list-price")) * Long.parseLong(r.get("qty")) + won(r.get("discount")) + won(r.get("coupon"))));
        assertThat(all).extracting(r -> r.get("line-no")).as("line numbers repeat across orders").contains("1", "2");
    }

    @Test
    void anEmptyDayShowsTheMarkerAndZeroTotals() throws Exception {
        String html = Browser.loggedIn(center).get("/orders?date=2020-01-01&page=1").body();
        assertThat(html).contains("<td class=\"empty\"").doesNotContain("class=\"order-line\"");
        assertThat(html).contains("<span class=\"order-count\">0</span>건", "<span class=\"order-amount\">0원</span>");
    }

    @Test
    void productListShowsBrandListPriceAndStatus() throws Exception {
        List<Map<String, Object>> truth = products();
        assertThat(truth).extracting(p -> p.get("status")).contains("판매중", "품절", "판매중지", "숨김");
        assertThat(truth).filteredOn(p -> p.get("status").equals("품절")).allSatisfy(p -> assertThat(variants(p))
                .allSatisfy(v -> assertThat(v.get("stock")).isEqualTo(0)));
        assertThat(truth).anyMatch(p -> p.get("listPrice") == null).anyMatch(p -> p.get("listPrice") != null)
                .anyMatch(p -> p.get("brand").equals(""));

        String html = Browser.loggedIn(center).get("/products?page=1").body();
        Matcher row = ROW.matcher(html);
        for (int i = 0; i < 20; i++) {
            assertThat(row.find()).isTrue();
            Map<String, Object> product = truth.get(i);
            Map<String, String> cells = cells(row.group(1));
            assertThat(cells.get("brand")).isEqualTo(product.get("brand").toString().replace("&", "&amp;"));
            assertThat(cells.get("name")).contains("/seller/easyseller01/products/" + product.get("id") + "\"");
            assertThat(cells.get("price").contains("<del>")).isEqualTo(product.get("listPrice") != null);
            assertThat(cells.get("price")).endsWith(String.format("<strong>%,d원</strong>", (Long) product.get("price")));
            assertThat(cells.get("status")).isEqualTo(product.get("status"));
        }
        assertThat(html).contains("<a class=\"next\" href=\"/seller/easyseller01/products?page=2\">");
    }

    @Test
    void aDeletedProductAnswersAnAlertOnly() throws Exception {
        Browser browser = Browser.loggedIn(center);
        Map<String, Object> deleted = products().stream().filter(p -> (Boolean) p.get("deleted")).findFirst().orElseThrow();
        HttpResponse<String> page = browser.get("/products/" + deleted.get("id"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<script>alert('존재하지 않는 상품입니다.');history.back();</script>");

        Map<String, Object> kept = products().stream().filter(p -> !(Boolean) p.get("deleted")).findFirst().orElseThrow();
        List<Map<String, String>> options = rows(browser.get("/products/" + kept.get("id")).body());
        assertThat(options).hasSameSizeAs(variants(kept));
        assertThat(options.get(0).get("stock")).isEqualTo(variants(kept).get(0).get("stockText"));
    }

    @Test
    void captchaOnLoginAnswersTheCaptchaPageOnEverySellerCenter() throws Exception {
        postFaults("{\"captchaOnLogin\":true}");
        for (SellerCenter any : sandbox.sellerCenters().centers()) {
            Browser browser = new Browser(any);
            HttpResponse<String> answer = browser.submitLogin();
            assertThat(answer.statusCode()).as(any.id()).isEqualTo(200);
            assertThat(answer.body()).contains("<div class=\"captcha\">");
            assertThat(browser.get("/dashboard").statusCode()).as("no session").isEqualTo(302);
        }
        sandbox.faults().clear();
        assertThat(new Browser(center).submitLogin().statusCode()).isEqualTo(302);
    }

    @Test
    void failNextAnswersExactlyThatMany503s() throws Exception {
        postFaults("{\"failNextPath\":\"/dashboard\",\"failNextTimes\":2}");
        center.clearRequestLog();
        Browser browser = new Browser(center);
        assertThat(browser.submitLogin().statusCode()).isEqualTo(302);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(browser.get("/dashboard").statusCode());
        }
        assertThat(statuses).containsExactly(503, 503, 200, 200);
        assertThat(browser.get("/products?page=1").statusCode()).isEqualTo(200);

        List<Long> starts = center.requestStartNanos();
        assertThat(center.requestLog()).hasSize(7).startsWith("GET /login", "POST /login");
        assertThat(starts).hasSize(7).isSorted();
        center.clearRequestLog();
        assertThat(center.requestStartNanos()).isEmpty();
    }

    private static void postFaults(String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/_sandbox/faults")).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> products() {
        return (List<Map<String, Object>>) center.groundTruth().get("products");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(Map<String, Object> product) {
        return (List<Map<String, Object>>) product.get("variants");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dailyTotals(LocalDate day) {
        return ((List<Map<String, Object>>) center.groundTruth().get("dailyTotals")).stream()
                .filter(t -> t.get("date").equals(day.toString())).findFirst().orElseThrow();
    }

    private static List<Map<String, String>> rows(String html) {
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            rows.add(cells(row.group(1)));
        }
        return rows;
    }

    private static Map<String, String> cells(String row) {
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher cell = CELL.matcher(row);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2));
        }
        return cells;
    }

    private static long won(String text) {
        return Long.parseLong(text.replace(",", "").replace("원", ""));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    /** One seller's browser: a cookie jar, no automatic redirects, paths relative to the center. */
    private static final class Browser {

        private final SellerCenter center;
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(SellerCenter center) {
            this.center = center;
            this.base = sandbox.sellerCenterBaseUrl(center.id());
        }

        static Browser loggedIn(SellerCenter center) throws Exception {
            Browser browser = new Browser(center);
            HttpResponse<String> answer = browser.submitLogin();
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).contains("/seller/" + center.id() + "/dashboard");
            return browser;
        }

        /** Reads the login form's CSRF token and posts the form with the center's credentials. */
        HttpResponse<String> submitLogin() throws Exception {
            Matcher csrf = CSRF.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(center.username())
                    + "&password=" + encode(center.password());
            return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
