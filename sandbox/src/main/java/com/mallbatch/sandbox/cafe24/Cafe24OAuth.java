package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /api/v2/oauth/token} for one mall: Basic client authentication, the refresh_token grant, and rotation —
 * every refresh issues a new refresh token and kills the one that was used.
 */
final class Cafe24OAuth {

    private static final DateTimeFormatter TOKEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String mallId;
    private final String clientId;
    private final String clientSecret;
    private final Duration accessTokenTtl;
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final java.util.function.BooleanSupplier salesReportScope;
    private String refreshToken;
    private Instant refreshTokenExpiresAt;

    /** @param salesReportScope whether the app currently holds mall.read_salesreport (a test may revoke it) */
    Cafe24OAuth(String mallId, SandboxConfig config, java.util.function.BooleanSupplier salesReportScope) {
        this.mallId = mallId;
        this.salesReportScope = salesReportScope;
        this.clientId = "sbx" + mallId + "Client";
        this.clientSecret = "sbx-secret-" + mallId + "-" + Long.toHexString(config.seed());
        this.accessTokenTtl = Duration.ofSeconds(config.accessTokenTtlSeconds());
        this.refreshToken = "rt-" + mallId + "-initial-" + Long.toHexString(config.seed());
        this.refreshTokenExpiresAt = Instant.now().plus(REFRESH_TOKEN_TTL);
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    synchronized String currentRefreshToken() {
        return refreshToken;
    }

    int refreshCount() {
        return refreshes.get();
    }

    synchronized SandboxResponse token(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            return SandboxResponse.json(405, oauthError("invalid_request", "The token endpoint accepts POST only"));
        }
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.header("Authorization"))) {
            return SandboxResponse.json(401, oauthError("invalid_client", "Invalid client_secret"));
        }
        String grantType = request.form().get("grant_type");
        if (!"refresh_token".equals(grantType)) {
            return SandboxResponse.json(400, oauthError("unsupported_grant_type",
                    "grant_type must be refresh_token (authorization_code needs a browser consent)"));
        }
        String presented = request.form().get("refresh_token");
        if (presented == null || !presented.equals(refreshToken) || Instant.now().isAfter(refreshTokenExpiresAt)) {
            return SandboxResponse.json(400, oauthError("invalid_grant", "Validation error: refresh_token is invalid or has been used"));
        }
        Instant now = Instant.now();
        String accessToken = randomToken();
        accessTokens.put(accessToken, now.plus(accessTokenTtl));
        refreshToken = randomToken();
        refreshTokenExpiresAt = now.plus(REFRESH_TOKEN_TTL);
        refreshes.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("expires_at", seoul(now.plus(accessTokenTtl)));
        body.put("refresh_token", refreshToken);
        body.put("refresh_token_expires_at", seoul(refreshTokenExpiresAt));
        body.put("client_id", clientId);
        body.put("mall_id", mallId);
        body.put("user_id", "sandbox-admin");
        List<String> scopes = new java.util.ArrayList<>(List.of("mall.read_category", "mall.read_product",
                "mall.read_order", "mall.read_promotion"));
        if (salesReportScope.getAsBoolean()) {
            scopes.add("mall.read_salesreport");
        }
        body.put("scopes", scopes);
        body.put("issued_at", seoul(now));
        body.put("shop_no", "1");
        return SandboxResponse.json(200, body);
    }

    /** Null when the bearer token is good, else the documented 401 message. */
    String rejectBearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "Invalid access_token (invalid_token)";
        }
        Instant expiresAt = accessTokens.get(authorization.substring("Bearer ".length()));
        if (expiresAt == null) {
            return "Invalid access_token (invalid_token)";
        }
        return Instant.now().isAfter(expiresAt) ? "access_token time expired. (invalid_token)" : null;
    }

    void expireAll() {
        accessTokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    private static String seoul(Instant instant) {
        return LocalDateTime.ofInstant(instant, SandboxConfig.SEOUL).format(TOKEN_TIME);
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> oauthError(String error, String description) {
        return Map.of("error", error, "error_description", description);
    }
}
