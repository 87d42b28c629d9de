package com.mallbatch.readers.crawl;

import java.util.List;
import java.util.Map;

/**
 * How to crawl one kind of seller center, as declared in its YAML profile: adding a mall is adding a profile.
 * Selectors are CSS (or XPath when they start with "/" or "(") for {@code html} sites, JSON pointers into
 * {@code __NEXT_DATA__} for {@code next-data} sites. JavaScript stays off unless {@code javascript} asks for it.
 */
public record SiteProfile(String name, Format format, boolean javascript, Login login, String expiredWhen, String blockedWhen,
                          List<String> goneAlerts, Politeness politeness, int maxRetries, long backoffMillis,
                          double maxMissingRatio, ListSpec productList, Map<String, FieldSpec> productFields,
                          Detail productDetail, RowSpec variants, ListSpec orderList, Map<String, FieldSpec> orderFields,
                          RowSpec orderLines, Map<String, FieldSpec> orderTotals) {

    public enum Format { HTML, NEXT_DATA }

    /** The login form and how success shows. */
    public record Login(String page, String form, String usernameField, String passwordField, String success) {
    }

    /**
     * Crawl manners, shared by every session on the site.
     *
     * @param maxConcurrency    pages fetched from the site at once, across all accounts and partitions
     * @param requestsPerMinute request starts per minute across the site (0: unlimited)
     * @param delayMillis       pause after each page within a session
     * @param robotsTxt         obey the site's robots.txt Disallow rules
     */
    public record Politeness(int maxConcurrency, int requestsPerMinute, long delayMillis, boolean robotsTxt) {
    }

    /**
     * A paginated list: URL template ({page}, {date}), the row selector, and the stop rule: continue while the
     * {@code next} selector matches, or while page &lt; the number at {@code totalPages}. {@code empty} marks a
     * legitimately empty list; zero rows without it means the page is broken.
     */
    public record ListSpec(String url, String rows, String next, String totalPages, String empty) {
    }

    /**
     * Nested rows (variants on a product page, lines of an order) and their fields. Lines without {@code rows} are read
     * from the order list's own rows: one row per line, rows of the same order number making one order.
     */
    public record RowSpec(String rows, Map<String, FieldSpec> fields) {
    }

    /** The order list has one row per line instead of one block per order. */
    public boolean linePerRow() {
        return orderLines.rows() == null;
    }

    /** Where a product's page is: a link in its list row ({@code select} + {@code attr}) or a URL template. */
    public record Detail(String select, String attr, String url) {
    }

    /**
     * One field: where it is ({@code select}, then {@code attr} or the text), an optional regex whose first group is
     * the value, and how to parse it.
     */
    public record FieldSpec(String name, String select, String attr, java.util.regex.Pattern pattern,
                            ValueParser parser, boolean optional) {
    }

    /** The fields every profile must declare, by section; a line needs {@code unitPrice} or {@code paidAmount} too. */
    static final Map<String, List<String>> REQUIRED_FIELDS = Map.of(
            "products", List.of("productNo", "name", "price"),
            "variants", List.of("option", "stock"),
            "orders", List.of("orderNo", "orderedAt"),
            "orderLines", List.of("lineNo", "quantity", "status"));
}
