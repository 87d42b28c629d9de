package com.mallbatch.readers.smartstore;

import com.mallbatch.readers.api.ApiDialect;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * The Naver Commerce API on the wire. Its gateway answers errors as {@code {"code": "GW.…", "message", "traceId"}}:
 * 401 GW.AUTHN an expired or refused token (renewed once, then retried), 429 GW.RATE_LIMIT the application's
 * per-API rate (backed off and retried), 429 GW.QUOTA_LIMIT the seller's quota for the period (the account's run
 * stops: retrying only burns more), 403 GW.IP_NOT_ALLOWED a machine whose IP is not registered (never retried), 5xx
 * the platform's side. The API servers behind it answer 400 with their own codes (e.g. 104139, a date range too
 * wide), which retrying cannot fix.
 */
final class SmartStoreDialect implements ApiDialect {

    private final ObjectMapper json;

    SmartStoreDialect(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String platform() {
        return "SMARTSTORE";
    }

    @Override
    public String displayName() {
        return "SmartStore";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Accept", "application/json");
    }

    @Override
    public String pageSizeParameter() {
        return null; // pages are sized in bodies or fixed by the API; Naver's 5xx are not about page size
    }

    @Override
    public Failure classify(int status, String body) {
        Error error = error(body);
        String said = error.code() + (error.message().isEmpty() ? "" : " " + error.message())
                + (error.traceId().isEmpty() ? "" : " (traceId " + error.traceId() + ")");
        if (status == 401) {
            return new Failure(Kind.UNAUTHORIZED, said);
        }
        if (status == 429 && error.code().equals("GW.QUOTA_LIMIT")) {
            return new Failure(Kind.FATAL, said + ": the seller's API quota for this period is spent; the account's run "
                    + "stops here and resumes where it stopped when run again after the quota resets");
        }
        if (status == 429) {
            return new Failure(Kind.RATE_LIMITED, said);
        }
        if (status == 403 && error.code().equals("GW.IP_NOT_ALLOWED")) {
            return new Failure(Kind.FATAL, said + ": register this machine's IP address on the application in the "
                    + "Commerce API center");
        }
        return new Failure(status >= 500 ? Kind.TRANSIENT : Kind.FATAL, said);
    }

    private record Error(String code, String message, String traceId) {
    }

    private Error error(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Error(node.path("code").asString("?"), node.path("message").asString(""),
                    node.path("traceId").asString(""));
        } catch (JacksonException e) {
            return new Error("?", body.length() > 200 ? body.substring(0, 200) + "…" : body, "");
        }
    }
}
