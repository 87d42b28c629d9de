package com.mallbatch.admin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A person's session with the admin web as deployed, over plain HTTP: signed in through the login form with its CSRF
 * token, cookies kept, pages in English, forms posted with the token of the page they are on, and a Server-Sent
 * Events stream read event by event.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One SSE event: its name and its data (the data lines joined with line breaks). */
    public record Event(String name, String data) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private WebSession(String base) {
        this.base = base;
    }

    /** Signs in through the form; fails when the app does not send the user on. */
    public static WebSession signIn(String base, String username, String password) throws IOException,
            InterruptedException {
        WebSession session = new WebSession(base);
        HttpResponse<String> signedIn = session.post("/login", session.get("/login").body(), "username="
                + encode(username) + "&password=" + encode(password));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " "
                    + signedIn.headers().firstValue("Location").orElse(""));
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form from {@code page} (whose CSRF token goes with it); {@code form} is url-encoded, may be empty. */
    public HttpResponse<String> post(String path, String page, String form) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF field in the page posted from");
        }
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(token.group(1));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens an SSE stream; its events arrive in the returned queue as they come, until the server ends it. */
    public BlockingQueue<Event> stream(String path) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
