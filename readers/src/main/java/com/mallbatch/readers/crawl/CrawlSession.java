package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.SiteBrokenException;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logged-in browsing session on a seller center (one HtmlUnit client, JavaScript and CSS off unless the profile
 * asks, no page history kept). It logs in, logs in again when the site sends it back to the login form, obeys
 * robots.txt and the site's politeness — every request counts, redirects and logins included, so redirects are
 * followed here rather than inside HtmlUnit —, retries transient failures (5xx, I/O, a page cut off before
 * {@code </html>}) with backoff, login included, records every failed attempt, and fails fast on a broken site
 * (CAPTCHA wall, 4xx, a login that does not land, a page that is only an undeclared script alert).
 */
final class CrawlSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlSession.class);
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern ALERT = Pattern.compile("alert\\(\\s*(['\"])(.*?)\\1\\s*\\)", Pattern.DOTALL);

    private record Fetched(int status, String content, Page page, String finalUrl) {
    }

    private final SiteProfile profile;
    private final MallAccount account;
    private final MallCredentials credentials;
    private final SitePoliteness politeness;
    private final FetchFailureLog failures;
    private final ObjectMapper json;
    private final String base;
    private final WebClient web;
    private RobotsRules robots;
    private boolean loggedIn;
    private int pagesOk;
    private int pagesFailed;

    CrawlSession(SiteProfile profile, MallAccount account, MallCredentials credentials, SitePoliteness politeness,
                 FetchFailureLog failures, ObjectMapper json, int timeoutMillis) {
        this.profile = profile;
        this.account = account;
        this.credentials = credentials;
        this.politeness = politeness;
        this.failures = failures;
        this.json = json;
        this.base = account.baseUrl().endsWith("/") ? account.baseUrl().substring(0, account.baseUrl().length() - 1)
                : account.baseUrl();
        this.web = new WebClient(BrowserVersion.CHROME);
        web.getOptions().setJavaScriptEnabled(profile.javascript());
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setThrowExceptionOnScriptError(false);
        web.getOptions().setPrintContentOnFailingStatusCode(false);
        web.getOptions().setHistorySizeLimit(0);
        web.getOptions().setHistoryPageCacheLimit(0);
        web.getOptions().setTimeout(timeoutMillis);
        web.getOptions().setRedirectEnabled(false);
    }

    int pagesOk() {
        return pagesOk;
    }

    int pagesFailed() {
        return pagesFailed;
    }

    /** The page at an absolute URL, parsed the profile's way. */
    Doc get(String url) {
        return get(url, false);
    }

    /**
     * The page of one record (a product page), where a 404 or 410 means the record is gone rather than the site
     * broken: a {@link RecordGoneException}, as a declared gone alert is. For re-reading records known from earlier.
     */
    Doc getRecord(String url) {
        return get(url, true);
    }

    private Doc get(String url, boolean notFoundIsGone) {
        if (!robots().allows(URI.create(url).getPath())) {
            throw new SiteBrokenException(profile.name(), url, "robots.txt disallows this path");
        }
        if (!loggedIn) {
            login();
        }
        String lastError = null;
        for (int attempt = 1; attempt <= profile.maxRetries() + 1; attempt++) {
            Fetched fetched;
            try {
                fetched = fetch(url);
            } catch (IOException | RuntimeException e) {
                lastError = e.toString();
                failed(url, null, lastError, attempt);
                continue;
            }
            if (showsLoginForm(fetched)) {
                log.info("Session on {} for {} expired; logging in again", profile.name(), account.label());
                login();
                continue;
            }
            // before the cut-off check: such a page is often a bare <script> with no </html>
            String alert = onlyAnAlert(fetched);
            if (alert != null && profile.goneAlerts().stream().anyMatch(alert::contains)) {
                pagesOk++; // the site works: the record is gone, and the reader records it as skipped
                throw new RecordGoneException(url, alert);
            }
            if (alert != null) {
                pagesFailed++;
                failures.record(failure(url, fetched.status(), "alert: " + alert, attempt));
                throw new SiteBrokenException(profile.name(), url, "the page is only a script alert('" + alert
                        + "'), which the profile does not declare under goneAlerts");
            }
            if (transientFault(fetched)) {
                lastError = describe(fetched);
                failed(url, fetched.status(), lastError, attempt);
                continue;
            }
            if (notFoundIsGone && (fetched.status() == 404 || fetched.status() == 410)) {
                pagesOk++;
                throw RecordGoneException.notFound(url, fetched.status());
            }
            if (fetched.status() >= 400) {
                pagesFailed++;
                failures.record(failure(url, fetched.status(), "HTTP " + fetched.status(), attempt));
                throw new SiteBrokenException(profile.name(), url, "answered HTTP " + fetched.status());
            }
            if (blocked(fetched)) {
                pagesFailed++;
                failures.record(failure(url, fetched.status(), "blocked: " + profile.blockedWhen(), attempt));
                throw new SiteBrokenException(profile.name(), url, "the site answers with a block page ('"
                        + profile.blockedWhen() + "' found): CAPTCHA or bot wall");
            }
            pagesOk++;
            return document(fetched, url);
        }
        pagesFailed++;
        throw new MallApiException("Site '" + profile.name() + "' for " + account.label() + ": " + url
                + " still failing after " + (profile.maxRetries() + 1) + " attempts: " + lastError);
    }

    /**
     * Logs in through the site's form. A transient fault on the way (5xx, I/O, a cut-off page, on the form or on the
     * page the login lands on) is retried like any page; a CAPTCHA is reported as one; a landing page without the
     * success marker means the login failed.
     */
    private void login() {
        String url = url(profile.login().page());
        String lastError = null;
        for (int attempt = 1; attempt <= profile.maxRetries() + 1; attempt++) {
            try {
                Fetched form = fetch(url);
                if (transientFault(form)) {
                    lastError = describe(form);
                    failed(url, form.status(), lastError, attempt);
                    continue;
                }
                Fetched landed = submit(form, url);
                if (transientFault(landed)) {
                    lastError = describe(landed) + " after login";
                    failed(landed.finalUrl(), landed.status(), lastError, attempt);
                    continue;
                }
                if (blocked(landed)) {
                    throw new SiteBrokenException(profile.name(), url, "the login was answered with a CAPTCHA ('"
                            + profile.blockedWhen() + "' on " + landed.finalUrl() + "): log in once by hand, or wait");
                }
                if (!(landed.page() instanceof HtmlPage page) || page.querySelector(profile.login().success()) == null) {
                    throw new SiteBrokenException(profile.name(), url, "login did not land: the success marker '"
                            + profile.login().success() + "' is not on " + landed.finalUrl()
                            + " (check the account's username and password)");
                }
                loggedIn = true;
                return;
            } catch (IOException e) {
                lastError = e.toString();
                failed(url, null, lastError, attempt);
            }
        }
        throw new MallApiException("Site '" + profile.name() + "' for " + account.label() + ": login at " + url
                + " still failing after " + (profile.maxRetries() + 1) + " attempts: " + lastError);
    }

    /** Fills in and submits the login form on {@code form}, following the answer's redirects. */
    private Fetched submit(Fetched form, String url) throws IOException {
        HtmlForm login = form.page() instanceof HtmlPage html ? html.querySelector(profile.login().form()) : null;
        if (login == null) {
            throw new SiteBrokenException(profile.name(), url, blocked(form) ? "the login page shows a CAPTCHA ('"
                    + profile.blockedWhen() + "')" : "login form '" + profile.login().form() + "' not found");
        }
        try {
            login.getInputByName(profile.login().usernameField()).setValue(credentials.clientId());
            login.getInputByName(profile.login().passwordField()).setValue(credentials.clientSecret());
        } catch (org.htmlunit.ElementNotFoundException e) {
            throw new SiteBrokenException(profile.name(), url, "login form field missing: " + e.getMessage());
        }
        DomElement submit = login.querySelector("[type=submit]");
        politeness.acquire();
        Page answer;
        try {
            answer = ((HtmlElement) submit).click();
        } finally {
            released();
        }
        return follow(answer);
    }

    private Fetched fetch(String url) throws IOException {
        return follow(request(url));
    }

    /** Follows an answer's redirects one request at a time, each within the site's politeness. */
    private Fetched follow(Page page) throws IOException {
        for (int hops = 0; isRedirect(page.getWebResponse().getStatusCode()); hops++) {
            String location = page.getWebResponse().getResponseHeaderValue("Location");
            if (location == null || hops == MAX_REDIRECTS) {
                break;
            }
            page = request(resolve(page.getUrl().toString(), location));
        }
        return new Fetched(page.getWebResponse().getStatusCode(), page.getWebResponse().getContentAsString(), page,
                page.getUrl().toString());
    }

    private Page request(String url) throws IOException {
        politeness.acquire();
        try {
            return web.getPage(url);
        } finally {
            released();
        }
    }

    private void released() {
        politeness.release();
        if (profile.politeness().delayMillis() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(profile.politeness().delayMillis()));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private boolean transientFault(Fetched fetched) {
        return fetched.status() >= 500 || !complete(fetched);
    }

    private static String describe(Fetched fetched) {
        return fetched.status() >= 500 ? "HTTP " + fetched.status()
                : "page cut off before </html> (" + fetched.content().length() + " chars)";
    }

    private boolean blocked(Fetched fetched) {
        return profile.blockedWhen() != null && fetched.page() instanceof HtmlPage
                && !html(fetched).select(profile.blockedWhen()).isEmpty();
    }

    /** The text of the alert when the page is nothing but a script alert (no visible text), else null. */
    private static String onlyAnAlert(Fetched fetched) {
        if (!(fetched.page() instanceof HtmlPage page) || !page.asNormalizedText().isBlank()) {
            return null;
        }
        Matcher alert = ALERT.matcher(fetched.content());
        return alert.find() ? alert.group(2) : null;
    }

    private boolean showsLoginForm(Fetched fetched) {
        return fetched.finalUrl().endsWith(profile.login().page())
                || (fetched.page() instanceof HtmlPage && !html(fetched).select(profile.expiredWhen()).isEmpty());
    }

    private static boolean complete(Fetched fetched) {
        return !(fetched.page() instanceof HtmlPage) || fetched.content().toLowerCase().contains("</html>");
    }

    private Doc.Html html(Fetched fetched) {
        return new Doc.Html((HtmlPage) fetched.page());
    }

    private Doc document(Fetched fetched, String url) {
        if (profile.format() == SiteProfile.Format.HTML) {
            return html(fetched);
        }
        DomElement script = ((HtmlPage) fetched.page()).getElementById("__NEXT_DATA__");
        if (script == null) {
            throw new SiteBrokenException(profile.name(), url, "no <script id=\"__NEXT_DATA__\"> on the page");
        }
        try {
            return new Doc.Json(json.readTree(script.getTextContent()));
        } catch (JacksonException e) {
            throw new SiteBrokenException(profile.name(), url, "__NEXT_DATA__ is not JSON: " + e.getOriginalMessage());
        }
    }

    private RobotsRules robots() {
        if (robots == null) {
            robots = RobotsRules.ALLOW_ALL;
            if (profile.politeness().robotsTxt()) {
                try {
                    Fetched page = fetch(base + "/robots.txt");
                    if (page.status() == 200) {
                        robots = RobotsRules.parse(page.content());
                    }
                } catch (IOException | RuntimeException e) {
                    log.info("No robots.txt for {} ({}); crawling without rules", profile.name(), e.getMessage());
                }
            }
        }
        return robots;
    }

    private void failed(String url, Integer status, String error, int attempt) {
        failures.record(failure(url, status, error, attempt));
        if (attempt <= profile.maxRetries()) {
            long backoff = Math.min(30_000, profile.backoffMillis() << Math.min(attempt - 1, 10));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
        }
    }

    private FetchFailureLog.Failure failure(String url, Integer status, String error, int attempt) {
        StepContext step = StepSynchronizationManager.getContext();
        return new FetchFailureLog.Failure(account.id(), url, status, error, attempt,
                step == null ? null : step.getStepExecution().getId());
    }

    /** A profile URL template's path, made absolute against the account's base URL. */
    String url(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** A link found on the page at {@code pageUrl}, made absolute as a browser would. */
    static String resolve(String pageUrl, String link) {
        return URI.create(pageUrl).resolve(link).toString();
    }

    @Override
    public void close() {
        web.close();
    }
}
