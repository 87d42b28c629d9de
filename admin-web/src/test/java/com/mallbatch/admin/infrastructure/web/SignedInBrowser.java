package com.mallbatch.admin.infrastructure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person on the admin web over real HTTP, as a browser without JavaScript: signs in through the login form with its
 * CSRF token, keeps the session cookie, reads pages in English, and posts forms with the token of the page they are on.
 */
public final class SignedInBrowser {

    /** One Server-Sent Event: its name and its data (the data lines joined with line breaks). */
    public record Event(String name, String data) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private SignedInBrowser(String base) {
        this.base = base;
    }

    /** Signs in; fails when the login form does not send the user on. */
    public static SignedInBrowser signIn(String base, String username, String password) {
        SignedInBrowser browser = new SignedInBrowser(base);
        String login = browser.get("/login").body();
        HttpResponse<String> signedIn = browser.send(browser.form("/login", Map.of("username", username,
                "password", password, "_csrf", csrf(login))));
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").build());
    }

    /** Posts {@code fields} with the CSRF token of {@code pageWithForm}, as submitting a form on that page does. */
    public HttpResponse<String> submit(String pageWithForm, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(pageWithForm));
        return send(form(action, all));
    }

    /** Posts {@code fields} without a CSRF token, as a forged request would. */
    public HttpResponse<String> forge(String action, Map<String, String> fields) {
        return send(form(action, fields));
    }

    /** Opens an SSE stream; its events arrive in the returned queue as they come, until the server ends it. */
    public BlockingQueue<Event> stream(String path) {
        HttpResponse<Stream<String>> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
        }, "sse " + path);
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /** The next event named {@code name}, skipping others, or an error when none comes in time. */
    public static Event next(BlockingQueue<Event> events, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no '" + name + "' event within " + timeout);
    }

    /** A file as the browser downloads it. */
    public HttpResponse<byte[]> download(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart form with one file, posted with the CSRF token of {@code pageWithForm}. */
    public HttpResponse<String> upload(String pageWithForm, String action, Map<String, String> fields, String fileField,
                                       String fileName, byte[] content) {
        String boundary = "----mallbatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(pageWithForm));
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The page a redirect points at. */
    public HttpResponse<String> follow(HttpResponse<?> redirect) {
        String location = location(redirect);
        if (location.isEmpty()) {
            throw new AssertionError("not a redirect: " + redirect.statusCode());
        }
        return get(location);
    }

    /** Where a redirect sends the browser, relative to the app. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field in the page");
        }
        return token.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
