package com.mallbatch.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed request: method, path below the platform prefix, query and form parameters, headers. */
public record SandboxRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                             HttpExchange exchange) {

    static SandboxRequest of(HttpExchange exchange, String path) throws IOException {
        Map<String, String> form = Map.of();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new SandboxRequest(exchange.getRequestMethod(), path, parse(exchange.getRequestURI().getRawQuery()),
                form, exchange);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String body() throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
