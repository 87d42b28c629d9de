package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.api.ApiAuth;
import com.mallbatch.readers.api.TransientApiException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An account's Commerce API token, by the client-credentials grant with a signed timestamp: {@code client_secret_sign}
 * is the Base64 of bcrypt({@code client_id + "_" + timestamp}) salted with the client secret (which is a bcrypt salt).
 * A token lives 3 hours; it is reused until less than {@code tokenRenewBefore} is left, and renewed when the gateway
 * answers 401 GW.AUTHN. {@code type=SELF} reads the application owner's own store; an account whose credentials name
 * a seller account id ({@link #sellerAccountId}) is read with {@code type=SELLER} on that seller's behalf.
 */
final class SmartStoreTokens implements ApiAuth {

    private static final Logger log = LoggerFactory.getLogger(SmartStoreTokens.class);

    private final MallAccount account;
    private final String tokenUrl;
    private final CredentialStore store;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final SmartStoreSettings settings;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    SmartStoreTokens(MallAccount account, String baseUrl, CredentialStore store, OkHttpClient http, ObjectMapper json,
                     SmartStoreSettings settings, Clock clock) {
        this.account = account;
        this.tokenUrl = baseUrl + "/v1/oauth2/token";
        this.store = store;
        this.http = http;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * SmartStore has no refresh token: the credentials' refresh-token slot holds, when set, the seller account id an
     * agency or solution application reads on behalf of ({@code type=SELLER}); empty means the application's own store.
     */
    static String sellerAccountId(MallCredentials credentials) {
        String id = credentials.refreshToken();
        return id == null || id.isBlank() ? null : id;
    }

    @Override
    public synchronized String authorization() {
        if (token == null || clock.instant().plus(settings.tokenRenewBefore()).isAfter(expiresAt)) {
            issue();
        }
        return "Bearer " + token;
    }

    @Override
    public synchronized void rejected(String authorization) {
        if (authorization.equals("Bearer " + token)) {
            token = null;
        }
    }

    private void issue() {
        MallCredentials credentials = store.load(account.id());
        long timestamp = clock.millis();
        String signature = sign(credentials, timestamp);
        FormBody.Builder form = new FormBody.Builder().add("client_id", credentials.clientId())
                .add("timestamp", String.valueOf(timestamp)).add("grant_type", "client_credentials")
                .add("client_secret_sign", signature);
        String seller = sellerAccountId(credentials);
        form.add("type", seller == null ? "SELF" : "SELLER");
        if (seller != null) {
            form.add("account_id", seller);
        }
        Request request = new Request.Builder().url(tokenUrl).header("Accept", "application/json").post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() >= 500 || response.code() == 429) {
                throw new TransientApiException("token request for " + account.label() + " got HTTP " + response.code());
            }
            JsonNode node = json.readTree(body);
            if (!response.isSuccessful()) {
                throw refused(response.code(), node, timestamp);
            }
            token = node.path("access_token").asString();
            expiresAt = clock.instant().plus(Duration.ofSeconds(node.path("expires_in").asLong(10_800)));
            log.info("Got a SmartStore access token for {}, valid until {}", account.label(), expiresAt);
        } catch (IOException | JacksonException e) {
            throw new TransientApiException("token request for " + account.label() + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code client_secret_sign}: Base64 of bcrypt(client id _ timestamp) salted with the client secret. */
    private String sign(MallCredentials credentials, long timestamp) {
        try {
            return Base64.getEncoder().encodeToString(BCrypt.hashpw(credentials.clientId() + "_" + timestamp,
                    credentials.clientSecret()).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MallApiException("The SmartStore client secret of " + account.label() + " is not a bcrypt salt ("
                    + e.getMessage() + "); copy the application secret from the Commerce API center as it is, $ signs "
                    + "included", e);
        }
    }

    /** Says which field Naver refused: the clock (the timestamp), the credentials, or this machine's IP. */
    private MallApiException refused(int status, JsonNode body, long timestamp) {
        String code = body.path("code").asString("?");
        String said = "HTTP " + status + " " + code + " " + body.path("message").asString("");
        for (JsonNode input : body.path("invalidInputs")) {
            String field = input.path("name").asString("");
            if (field.equals("timestamp")) {
                return new MallApiException("SmartStore refused the token request of " + account.label() + " (" + said
                        + "): the signed timestamp " + Instant.ofEpochMilli(timestamp) + " (this machine's clock) is too far "
                        + "from Naver's clock, which accepts about 5 minutes either way; set this machine's clock right "
                        + "(NTP) and run again");
            }
            if (field.equals("client_id") || field.equals("client_secret_sign")) {
                return new MallApiException("SmartStore refused the client id or signature of " + account.label() + " ("
                        + said + "); correct clientId/clientSecret in the accounts file");
            }
        }
        if (code.equals("GW.IP_NOT_ALLOWED")) {
            return new MallApiException("SmartStore refused " + account.label() + " from this machine (" + said
                    + "); register its IP address on the application in the Commerce API center");
        }
        return new MallApiException("SmartStore refused the token request of " + account.label() + " (" + said + ")");
    }
}
