package com.mallbatch.demo;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --serve}: after the nightly pipeline the admin web serves the demo's data to its demo users until Enter. */
@ExtendWith(OutputCaptureExtension.class)
class DemoServeTest {

    static final Pattern URL = Pattern.compile("Admin web on the demo's data: (http://127\\.0\\.0\\.1:\\d+/)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Test
    void theDemosUsersSignInAndSeeTheNightsRunsUntilEnter(CapturedOutput output) throws Exception {
        InputStream stdin = System.in;
        PipedOutputStream enter = new PipedOutputStream();
        System.setIn(new PipedInputStream(enter));
        try {
            CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> {
                try {
                    return DemoMain.run("--serve");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String base = awaitUrl(output, demo);
            assertThat(output.toString()).contains("OPS      user ops      password demo-ops");

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF.matcher(login);
            assertThat(token.find()).as("the login form carries its CSRF token").isTrue();
            String csrf = token.group(1) != null ? token.group(1) : token.group(2);
            String form = "username=ops&password=demo-ops&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(URI.create(base + "login")).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> runs = http.send(HttpRequest.newBuilder(URI.create(base + "runs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(runs.statusCode()).isEqualTo(200);
            assertThat(runs.body()).contains("collectJob").contains("reconcileJob").contains("settlementJob");
            assertThat(output.toString()).as("a failed night restarted, and one left to restart")
                    .containsPattern("collectJob \\S+: FAILED while the mall was down, COMPLETED once restarted")
                    .containsPattern("collectJob \\S+: FAILED; the mall is back")
                    .containsPattern("settlementJob \\S+: COMPLETED; its drafts wait for finance");

            enter.write('\n');
            enter.flush();
            assertThat(demo.get(2, TimeUnit.MINUTES)).isZero();
        } finally {
            System.setIn(stdin);
        }
    }

    /** The URL the demo prints once it serves; fails at once if the demo ended first. */
    private static String awaitUrl(CapturedOutput output, CompletableFuture<Integer> demo) {
        return Awaitility.await("the demo saying where the admin web is").atMost(Duration.ofMinutes(5))
                .until(() -> {
                    if (demo.isDone()) {
                        throw new AssertionError("the demo ended (" + demo.join() + ") without serving; it printed:\n"
                                + output);
                    }
                    Matcher url = URL.matcher(output.toString());
                    return url.find() ? url.group(1) : null;
                }, java.util.Objects::nonNull);
    }
}
