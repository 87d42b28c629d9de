package com.mallbatch.admin.infrastructure.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at the running app over plain HTTP: signs in through the login form with its CSRF token, keeps the session
 * cookie, reads pages in English and posts forms with the token of the page they are on (redirects are not followed,
 * so a test sees where a POST sends the browser).
 */
public final class SignedInHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private SignedInHttp(String base) {
        this.base = base;
    }

    public static SignedInHttp signIn(String base, String user, String password) throws IOException, InterruptedException {
        SignedInHttp person = new SignedInHttp(base);
        String login = person.get("/login").body();
        HttpResponse<String> signedIn = person.send(person.form("/login", "username=" + encode(user) + "&password="
                + encode(password) + "&_csrf=" + encode(csrf(login))));
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in");
        }
        return person;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").build());
    }

    /** Posts {@code body} (url-encoded pairs) with the CSRF token of the page {@code from}, as its form would. */
    public HttpResponse<String> post(String from, String path, String body) throws IOException, InterruptedException {
        return send(form(path, body + "&_csrf=" + encode(csrf(get(from).body()))));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field in the page");
        }
        return token.group(1);
    }
}
