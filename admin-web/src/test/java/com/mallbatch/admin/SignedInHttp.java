package com.mallbatch.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's session with the app over HTTP: signed in through the login form with its CSRF token; each POST carries
 * the token of the page it was sent from, as a browser's form would. Redirects are not followed, so tests see them.
 */
public final class SignedInHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String baseUrl;

    private SignedInHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static SignedInHttp signIn(String baseUrl, String username, String password) throws Exception {
        SignedInHttp session = new SignedInHttp(baseUrl);
        String login = session.get("/login").body();
        HttpResponse<String> signedIn = session.post("/login", Map.of("username", username, "password", password), login);
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form posted from {@code page}, with that page's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String page) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrf(page)));
        fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form posted from {@code page}, with that page's CSRF token and one file. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
                                       byte[] content, String page) throws Exception {
        String boundary = "----mallbatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", csrf(page));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            part(body, boundary, field.getKey(), field.getValue());
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page a redirect points at. */
    public HttpResponse<String> follow(HttpResponse<?> redirect) throws Exception {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode()));
        return get(location.startsWith(baseUrl) ? location.substring(baseUrl.length()) : location);
    }

    public static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new AssertionError("no CSRF field in the page");
        }
        return token.group(1);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
