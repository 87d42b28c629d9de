package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.CrawlProfileTrial;
import com.mallbatch.readers.crawl.SiteProfile.FieldSpec;
import com.mallbatch.readers.crawl.SiteProfile.ListSpec;
import org.htmlunit.BrowserVersion;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import tools.jackson.core.JsonPointer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawler's own judgement of a profile: {@link SiteProfileParser} for the YAML and its keys, HtmlUnit's selector
 * engine (CSS, or XPath for a selector starting with '/' or '(') and Jackson's JSON pointers for every selector, and
 * a real session for the dry run, its failed fetches not recorded.
 */
final class SiteProfileTrial implements CrawlProfileTrial {

    private final CrawlExtractors extractors;

    SiteProfileTrial(CrawlExtractors extractors) {
        this.extractors = extractors;
    }

    @Override
    public List<String> problems(String name, String yaml) {
        String document = name + ".yml";
        SiteProfile profile;
        try {
            profile = SiteProfileParser.parse(document, yaml);
        } catch (RuntimeException e) { // the parser stops at the first mistake; its message names the key
            return List.of(oneLine(e.getMessage() == null ? document + ": " + e : e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (!name.equals(profile.name())) {
            problems.add(document + ": name: should be '" + name + "' (the profile's name), got '" + profile.name() + "'");
        }
        try (Selectors selectors = new Selectors(document, profile.format(), problems)) {
            selectors.css("login.form", profile.login().form());
            selectors.css("login.success", profile.login().success());
            selectors.html("expiredWhen", profile.expiredWhen());
            selectors.html("blockedWhen", profile.blockedWhen());
            selectors.list("products.list", profile.productList());
            selectors.fields("products.fields", profile.productFields());
            selectors.data("products.detail.select", profile.productDetail().select());
            selectors.data("variants.rows", profile.variants().rows());
            selectors.fields("variants.fields", profile.variants().fields());
            selectors.list("orders.list", profile.orderList());
            selectors.fields("orders.fields", profile.orderFields());
            selectors.data("orders.lines.rows", profile.orderLines().rows());
            selectors.fields("orders.lines.fields", profile.orderLines().fields());
            selectors.fields("orders.totals", profile.orderTotals());
        }
        return problems;
    }

    @Override
    public DryRun firstListPage(MallAccount account, String yaml, int rows) {
        SiteProfile profile = SiteProfileParser.parse(account.crawlProfile() + ".yml", yaml);
        ListSpec list = profile.productList();
        List<String> fields = List.copyOf(profile.productFields().keySet());
        String url = list.url().replace("{page}", "1");
        try (CrawlSession session = extractors.trialSession(profile, account)) {
            url = session.url(url);
            Doc page = session.get(url);
            List<Doc> found = new RowExtractor(profile).rows(page, list.rows(), list.empty(), url);
            return new DryRun(url, fields, found.stream().limit(rows).map(row -> row(row, profile.productFields()))
                    .toList(), found.size(), null);
        } catch (RuntimeException e) { // a login that fails, a site still failing, a row selector matching nothing
            return DryRun.failed(url, fields, oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static Row row(Doc row, Map<String, FieldSpec> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldSpec field : fields.values()) {
            String raw = RowExtractor.raw(row, field);
            if (raw == null || raw.isEmpty()) {
                problems.put(field.name(), (field.optional() ? "absent (optional)" : "is missing")
                        + " (selector '" + field.select() + "')");
                continue;
            }
            try {
                values.put(field.name(), String.valueOf(field.parser().parse(raw)));
            } catch (IllegalArgumentException e) {
                problems.put(field.name(), "'" + raw + "': " + e.getMessage());
            }
        }
        return new Row(values, problems);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Compiles each selector against a blank page with the engine the crawl would use for it, noting failures. */
    private static final class Selectors implements AutoCloseable {

        private final String document;
        private final SiteProfile.Format format;
        private final List<String> problems;
        private final WebClient web = new WebClient(BrowserVersion.CHROME);
        private final HtmlPage blank;

        Selectors(String document, SiteProfile.Format format, List<String> problems) {
            this.document = document;
            this.format = format;
            this.problems = problems;
            web.getOptions().setJavaScriptEnabled(false);
            web.getOptions().setCssEnabled(false);
            try {
                blank = (HtmlPage) web.loadWebResponseInto(new StringWebResponse("<html><body></body></html>",
                        URI.create("http://profile.check/").toURL()), web.getCurrentWindow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void list(String key, ListSpec list) {
            data(key + ".rows", list.rows());
            data(key + ".next", list.next());
            data(key + ".totalPages", list.totalPages());
            html(key + ".empty", list.empty());
        }

        void fields(String key, Map<String, FieldSpec> fields) {
            fields.values().forEach(f -> data(key + "." + f.name(), f.select()));
        }

        /** A selector into the page's data: HTML or, on a next-data site, a JSON pointer. */
        void data(String key, String selector) {
            if (format == SiteProfile.Format.NEXT_DATA) {
                pointer(key, selector);
            } else {
                html(key, selector);
            }
        }

        /** CSS, or XPath when it starts with '/' or '(', as {@link Doc.Html} reads it. */
        void html(String key, String selector) {
            if (selector == null) {
                return;
            }
            try {
                if (selector.startsWith("/") || selector.startsWith("(")) {
                    blank.getByXPath(selector);
                } else {
                    blank.querySelectorAll(selector);
                }
            } catch (RuntimeException e) {
                refuse(key, selector, e);
            }
        }

        /** CSS only: the login form and its success marker are looked up with querySelector. */
        void css(String key, String selector) {
            if (selector == null) {
                return;
            }
            try {
                blank.querySelectorAll(selector);
            } catch (RuntimeException e) {
                refuse(key, selector, e);
            }
        }

        private void pointer(String key, String selector) {
            if (selector == null) {
                return;
            }
            try {
                JsonPointer.compile(selector);
            } catch (RuntimeException e) {
                refuse(key, selector, e);
            }
        }

        private void refuse(String key, String selector, RuntimeException e) {
            problems.add(document + ": " + key + ": selector '" + selector + "' does not compile: "
                    + oneLine(String.valueOf(e.getMessage())));
        }

        @Override
        public void close() {
            web.close();
        }
    }
}
