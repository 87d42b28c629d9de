package com.mallbatch.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sandbox in a JVM of its own, so the heap measured in the bench is the collector's alone. */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    final String url;
    /** {"cafe24": [...], "sellerCenters": [...]} as the sandbox printed them. */
    final JsonNode malls;

    private SandboxProcess(Process process, String url, JsonNode malls) {
        this.process = process;
        this.url = url;
        this.malls = malls;
    }

    static SandboxProcess start(List<String> sandboxArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), "com.mallbatch.sandbox.SandboxMain", "--port=0"));
        command.addAll(sandboxArgs);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String malls = null;
        for (String line = out.readLine(); line != null && malls == null; line = out.readLine()) {
            if (line.startsWith("SANDBOX_URL=")) {
                url = line.substring("SANDBOX_URL=".length());
            } else if (line.startsWith("SANDBOX_MALLS=")) {
                malls = line.substring("SANDBOX_MALLS=".length());
            }
        }
        if (url == null || malls == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox did not start");
        }
        new Thread(() -> out.lines().forEach(ignored -> { }), "sandbox-stdout").start(); // keep its pipe drained
        return new SandboxProcess(process, url, JsonMapper.builder().build().readTree(malls));
    }

    /** CPU time the sandbox's JVM has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Every call whose path contains one of {@code fragments} answers 503 from now on. */
    void outages(List<String> fragments) throws Exception {
        String body = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("outagePaths", fragments));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the sandbox refused the outages: " + answer.body());
        }
    }

    /** The Cafe24 malls' call counters. */
    JsonNode stats() throws Exception {
        return get("/_sandbox/stats");
    }

    /** The SmartStore sellers' call counters, by seller and API. */
    JsonNode smartStoreStats() throws Exception {
        return get("/_sandbox/smartstore/stats");
    }

    private JsonNode get(String path) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.builder().build().readTree(body);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
