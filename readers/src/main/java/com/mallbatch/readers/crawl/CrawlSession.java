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

/**
 * One logged-in browsing session on a seller center (one HtmlUnit client, JavaScript and CSS off unless the profile
 * asks, no page history kept). It logs in, logs in again when the site sends it back to the login form, obeys
 * robots.txt and the site's politeness, retries transient failures (5xx, I/O, a page cut off before {@code </html>})
 * with backoff, records every failed attempt, and fails fast on a broken site (CAPTCHA wall, 4xx, login that does
 * not land).
 */
final class CrawlSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlSession.class);

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
    }

    int pagesOk() {
        return pagesOk;
    }

    int pagesFailed() {
        return pagesFailed;
    }

    /** The page at an absolute URL, parsed the profile's way. */
    Doc get(String url) {
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
            if (fetched.status() >= 500 || !complete(fetched)) {
                lastError = fetched.status() >= 500 ? "HTTP " + fetched.status() : "page cut off before </html> ("
                        + fetched.content().length() + " chars)";
                failed(url, fetched.status(), lastError, attempt);
                continue;
            }
            if (fetched.status() >= 400) {
                pagesFailed++;
                failures.record(failure(url, fetched.status(), "HTTP " + fetched.status(), attempt));
                throw new SiteBrokenException(profile.name(), url, "answered HTTP " + fetched.status());
            }
            if (profile.blockedWhen() != null && !html(fetched).select(profile.blockedWhen()).isEmpty()) {
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

    private void login() {
        String url = url(profile.login().page());
        try {
            Fetched page = fetch(url);
            HtmlForm form = page.page() instanceof HtmlPage html ? html.querySelector(profile.login().form()) : null;
            if (form == null) {
                throw new SiteBrokenException(profile.name(), url, "login form '" + profile.login().form() + "' not found");
            }
            form.getInputByName(profile.login().usernameField()).setValue(credentials.clientId());
            form.getInputByName(profile.login().passwordField()).setValue(credentials.clientSecret());
            DomElement submit = form.querySelector("[type=submit]");
            politeness.acquire();
            Page after;
            try {
                after = ((HtmlElement) submit).click();
            } finally {
                politeness.release();
            }
            if (!(after instanceof HtmlPage landed) || landed.querySelector(profile.login().success()) == null) {
                throw new SiteBrokenException(profile.name(), url, "login did not land: the success marker '"
                        + profile.login().success() + "' is not on " + after.getUrl());
            }
            loggedIn = true;
        } catch (IOException | org.htmlunit.ElementNotFoundException e) {
            throw new SiteBrokenException(profile.name(), url, "login failed: " + e.getMessage());
        }
    }

    private Fetched fetch(String url) throws IOException {
        politeness.acquire();
        try {
            Page page = web.getPage(url);
            return new Fetched(page.getWebResponse().getStatusCode(), page.getWebResponse().getContentAsString(), page,
                    page.getUrl().toString());
        } finally {
            politeness.release();
            if (profile.politeness().delayMillis() > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(profile.politeness().delayMillis()));
            }
        }
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
