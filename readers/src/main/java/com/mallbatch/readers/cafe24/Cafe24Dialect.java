package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiDialect;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * Cafe24's Admin API on the wire: the API version header, {@code limit} pages, and its error answers — 401 an
 * expired or revoked access token, 429 the leaky bucket overflowing, 5xx the mall's side; any other status (400, 403
 * a missing scope, 404 …) will not heal by retrying. Error bodies are {@code {"error": {"code", "message"}}}.
 */
final class Cafe24Dialect implements ApiDialect {

    private final Map<String, String> headers;
    private final ObjectMapper json;
    private final String forbiddenHint;

    Cafe24Dialect(String apiVersion, ObjectMapper json) {
        this(Map.of("X-Cafe24-Api-Version", apiVersion, "Content-Type", "application/json"), json, null);
    }

    private Cafe24Dialect(Map<String, String> headers, ObjectMapper json, String forbiddenHint) {
        this.headers = headers;
        this.json = json;
        this.forbiddenHint = forbiddenHint;
    }

    /** The same dialect, saying what to do after Cafe24's own message when a call is refused with 403. */
    Cafe24Dialect withForbiddenHint(String hint) {
        return new Cafe24Dialect(headers, json, hint);
    }

    @Override
    public String platform() {
        return "CAFE24";
    }

    @Override
    public String displayName() {
        return "Cafe24";
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String pageSizeParameter() {
        return "limit";
    }

    @Override
    public Failure classify(int status, String body) {
        String message = errorMessage(body);
        if (status == 401) {
            return new Failure(Kind.UNAUTHORIZED, message);
        }
        if (status == 429) {
            return new Failure(Kind.RATE_LIMITED, message);
        }
        if (status == 403 && forbiddenHint != null) {
            return new Failure(Kind.FATAL, message + " — " + forbiddenHint);
        }
        return new Failure(status >= 500 ? Kind.TRANSIENT : Kind.FATAL, message);
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            return error.isObject() ? error.path("message").asString("") : body;
        } catch (JacksonException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }
}
