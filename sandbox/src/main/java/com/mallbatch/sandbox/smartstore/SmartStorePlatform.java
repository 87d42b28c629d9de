package com.mallbatch.sandbox.smartstore;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.mallbatch.sandbox.smartstore.Gateway.invalidInput;

/**
 * All the SmartStore sellers the sandbox plays ({@code smartstore01}, {@code smartstore02}, …), the Commerce API
 * applications that read them, and the token endpoint {@code POST /external/v1/oauth2/token}.
 * <p>
 * Each seller lives under {@code /smartstore/{sellerId}}, which stands in for {@code https://api.commerce.naver.com};
 * its base URL, the documented {@code https://api.commerce.naver.com/external}, is {@code /smartstore/{sellerId}/external}.
 * With {@link SandboxConfig#smartStoreSellersPerApp()} 1 every seller has an own-store application of its own; with
 * k &gt; 1, sellers 1..k share one solution provider's application, k+1..2k the next, and so on.
 */
public final class SmartStorePlatform {

    /** Documented: the timestamp of a token request is valid for 5 minutes. */
    static final Duration TIMESTAMP_SKEW = Duration.ofMinutes(5);
    static final String TOKEN_PATH = "/external/v1/oauth2/token";

    private final Map<String, SmartStoreSeller> sellers = new LinkedHashMap<>();
    private final Map<String, SmartStoreApplication> applications = new LinkedHashMap<>();

    public SmartStorePlatform(SandboxConfig config, Faults faults) {
        int perApp = config.smartStoreSellersPerApp();
        SmartStoreApplication application = null;
        for (int i = 1; i <= config.smartStoreSellers(); i++) {
            if ((i - 1) % perApp == 0) {
                application = new SmartStoreApplication(config.seed(), (i - 1) / perApp + 1,
                        config.smartStoreRatePerSecond(), perApp == 1);
                applications.put(application.clientId(), application);
            }
            String sellerId = String.format("smartstore%02d", i);
            SmartStoreSeller seller = new SmartStoreSeller(sellerId, i, config, faults, application);
            application.add(seller);
            sellers.put(sellerId, seller);
        }
    }

    public List<SmartStoreSeller> sellers() {
        return List.copyOf(sellers.values());
    }

    public SmartStoreSeller seller(String sellerId) {
        SmartStoreSeller seller = sellers.get(sellerId);
        if (seller == null) {
            throw new IllegalArgumentException("The sandbox plays no SmartStore seller '" + sellerId + "'");
        }
        return seller;
    }

    /** A request below {@code /smartstore/{sellerId}}; {@code request.path()} starts at {@code /external/...}. */
    public SandboxResponse handle(String sellerId, SandboxRequest request) {
        SmartStoreSeller seller = sellers.get(sellerId);
        if (seller == null) {
            String trace = Gateway.traceId();
            return Gateway.error(GatewayError.NOT_FOUND, trace).header(Gateway.TRACE_ID, trace);
        }
        if (request.path().equals(TOKEN_PATH)) {
            String trace = Gateway.traceId();
            return token(seller, request, trace).header(Gateway.TRACE_ID, trace);
        }
        return seller.handle(request);
    }

    /** Every access token of every seller expires now. */
    public void expireAccessTokens() {
        applications.values().forEach(a -> a.expireTokens(null));
    }

    /** Clears every seller's fault knobs. */
    public void clearFaults() {
        sellers.values().forEach(SmartStoreSeller::clearFaults);
    }

    /** What a client needs to connect to each seller. */
    public List<Map<String, Object>> descriptors(Function<String, String> baseUrl) {
        return sellers.values().stream().map(s -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("seller_id", s.sellerId());
            d.put("account_uid", s.accountUid());
            d.put("base_url", baseUrl.apply(s.sellerId()));
            d.put("client_id", s.clientId());
            d.put("client_secret", s.clientSecret());
            d.put("token_type", s.tokenType());
            return d;
        }).toList();
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        sellers.values().forEach(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("client_id", s.clientId());
            m.put("accepted_calls", s.acceptedCalls());
            m.put("rejected_429", s.rejected429());
            m.put("tokens_issued", s.tokensIssued());
            m.put("calls_by_api", s.callsByApi());
            stats.put(s.sellerId(), m);
        });
        return stats;
    }

    /**
     * {@code POST /external/v1/oauth2/token}, form-encoded: client_id, timestamp (ms), grant_type=client_credentials,
     * client_secret_sign, type (SELF, or SELLER with account_id).
     * <p>
     * UNCONFIRMED: the docs name three error responses (validation, access, internal) with the body
     * {@code {code, message, timestamp, invalidInputs[], data}} but not their codes and messages. The sandbox answers
     * 400 BAD_REQUEST naming the field in {@code invalidInputs} for a missing or wrong field, an unknown client id, a
     * bad signature and a timestamp more than 5 minutes from the server's clock either way (the message names both
     * clocks), and 403 FORBIDDEN (invalidInputs account_id or type) when the application may not read the seller
     * asked for. Fields sent anywhere but in a form body count as missing, and so does {@code account_id} sent with
     * {@code type=SELF} (the docs: only with SELLER); Naver reportedly penalises such calls rather than refusing them.
     */
    private SandboxResponse token(SmartStoreSeller pathSeller, SandboxRequest request, String trace) {
        if (!request.method().equals("POST")) {
            return Gateway.error(GatewayError.NOT_FOUND, trace);
        }
        Map<String, String> form = request.form();
        SmartStoreApplication application = applications.get(form.get("client_id"));
        if (application != null && application.ipNotAllowed()) {
            return Gateway.error(GatewayError.IP_NOT_ALLOWED, trace);
        }
        List<Map<String, Object>> invalid = new ArrayList<>();
        for (String name : List.of("client_id", "timestamp", "grant_type", "client_secret_sign", "type")) {
            if (blank(form.get(name))) {
                invalid.add(invalidInput(name, "NotBlank", name + "은(는) 필수 입력 항목입니다."));
            }
        }
        if (!invalid.isEmpty()) {
            return tokenError(400, invalid);
        }
        String type = form.get("type");
        String accountId = form.get("account_id");
        if (!form.get("grant_type").equals("client_credentials")) {
            invalid.add(invalidInput("grant_type", "InvalidValue", "grant_type은 client_credentials여야 합니다."));
        }
        if (!type.equals("SELF") && !type.equals("SELLER")) {
            invalid.add(invalidInput("type", "InvalidValue", "type은 SELF 또는 SELLER여야 합니다."));
        } else if (type.equals("SELF") && accountId != null) {
            invalid.add(invalidInput("account_id", "InvalidValue", "type이 SELF이면 account_id를 보내지 않습니다."));
        } else if (type.equals("SELLER") && blank(accountId)) {
            invalid.add(invalidInput("account_id", "NotBlank", "type이 SELLER이면 account_id는 필수입니다."));
        }
        if (!invalid.isEmpty()) {
            return tokenError(400, invalid);
        }
        if (application == null) {
            return tokenError(400, List.of(invalidInput("client_id", "InvalidValue", "등록되지 않은 client_id입니다.")));
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(form.get("timestamp"));
        } catch (NumberFormatException e) {
            return tokenError(400, List.of(invalidInput("timestamp", "TypeMismatch",
                    "timestamp는 밀리초 단위의 Unix 시간이어야 합니다.")));
        }
        Instant now = Instant.now();
        long skew = timestamp - now.toEpochMilli();
        if (Math.abs(skew) > TIMESTAMP_SKEW.toMillis()) {
            return tokenError(400, List.of(invalidInput("timestamp", "InvalidValue", String.format(
                    "timestamp가 유효하지 않습니다: 요청 시각 %s이(가) 서버 시각 %s과(와) %d초 차이가 납니다 (허용 범위 5분). 시스템 시계를 확인하세요.",
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(timestamp), SandboxConfig.SEOUL).format(Gateway.DATE_TIME),
                    OffsetDateTime.ofInstant(now, SandboxConfig.SEOUL).format(Gateway.DATE_TIME), skew / 1000))));
        }
        if (!application.verifies(form.get("timestamp"), form.get("client_secret_sign"))) {
            return tokenError(400, List.of(invalidInput("client_secret_sign", "InvalidValue",
                    "client_secret_sign이 유효하지 않습니다.")));
        }
        SmartStoreSeller resource;
        if (type.equals("SELF")) {
            if (!application.ownStore()) {
                return tokenError(403, List.of(invalidInput("type", "Forbidden",
                        "솔루션 애플리케이션은 type=SELLER와 account_id로 판매자 토큰을 발급받습니다.")));
            }
            resource = application.sellers().get(0);
        } else {
            resource = application.ownStore() ? null : application.sellers().stream()
                    .filter(s -> s.sellerId().equals(accountId) || s.accountUid().equals(accountId)).findFirst().orElse(null);
            if (resource == null) {
                return tokenError(403, List.of(invalidInput("account_id", "Forbidden",
                        "이 애플리케이션이 접근할 수 없는 판매자입니다: " + accountId)));
            }
        }
        if (resource != pathSeller) {
            // a sandbox-only rule: the seller's URL prefix decides whose resources the caller reads
            return tokenError(403, List.of(invalidInput(type.equals("SELF") ? "type" : "account_id", "Forbidden",
                    "this sandbox URL plays seller " + pathSeller.sellerId() + ", the token would be for " + resource.sellerId())));
        }
        SmartStoreApplication.Token token = application.token(resource, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("expires_in", Duration.between(now, token.expiresAt()).toSeconds());
        body.put("token_type", "Bearer");
        return SandboxResponse.json(200, body);
    }

    private static SandboxResponse tokenError(int status, List<Map<String, Object>> invalidInputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status == 400 ? "BAD_REQUEST" : "FORBIDDEN");
        body.put("message", status == 400 ? "잘못된 요청입니다." : "접근 권한이 없습니다.");
        body.put("timestamp", Gateway.wallClock());
        body.put("invalidInputs", invalidInputs);
        body.put("data", Map.of());
        return SandboxResponse.json(status, body);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
