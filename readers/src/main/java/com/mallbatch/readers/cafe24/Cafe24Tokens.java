package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiAuth;
import com.mallbatch.readers.api.TransientApiException;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.MallApiException;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An account's OAuth tokens. Access tokens are reused until shortly before they expire; a refresh rotates the
 * refresh token, and the new one is stored (encrypted, through the {@link CredentialStore}) before the new access
 * token is used — the old refresh token is dead from that moment on.
 */
final class Cafe24Tokens implements ApiAuth {

    private static final Logger log = LoggerFactory.getLogger(Cafe24Tokens.class);
    private static final Duration EARLY_REFRESH = Duration.ofMinutes(1);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final MallAccount account;
    private final String tokenUrl;
    private final CredentialStore store;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private MallCredentials credentials;

    Cafe24Tokens(MallAccount account, String baseUrl, CredentialStore store, OkHttpClient http, ObjectMapper json) {
        this.account = account;
        this.tokenUrl = baseUrl + "/api/v2/oauth/token";
        this.store = store;
        this.http = http;
        this.json = json;
    }

    @Override
    public String authorization() {
        return "Bearer " + accessToken();
    }

    /** The platform refused {@code authorization}: refresh unless another thread already has. */
    @Override
    public synchronized void rejected(String authorization) {
        if (credentials != null && authorization.equals("Bearer " + credentials.accessToken())) {
            refresh();
        }
    }

    /** A usable access token, refreshing first when the stored one is missing or about to expire. */
    synchronized String accessToken() {
        if (credentials == null) {
            credentials = store.load(account.id());
        }
        if (credentials.accessToken() == null || credentials.accessTokenExpiresAt() == null
                || Instant.now().plus(EARLY_REFRESH).isAfter(credentials.accessTokenExpiresAt())) {
            refresh();
        }
        return credentials.accessToken();
    }

    private void refresh() {
        // the stored credentials, not a copy held since start: an operator may have fixed the client secret, and
        // another process may have rotated the refresh token since
        credentials = store.load(account.id());
        Request request = new Request.Builder().url(tokenUrl)
                .header("Authorization", Credentials.basic(credentials.clientId(), credentials.clientSecret()))
                .post(new FormBody.Builder().add("grant_type", "refresh_token")
                        .add("refresh_token", credentials.refreshToken()).build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() >= 500) {
                throw new TransientApiException("token refresh for " + account.label() + " got HTTP " + response.code());
            }
            JsonNode node = json.readTree(body);
            if (!response.isSuccessful()) {
                throw refused(response.code(), node.path("error").asString(""), node.path("error_description").asString(""));
            }
            LocalDateTime expiresAt = LocalDateTime.parse(node.path("expires_at").asString());
            MallCredentials rotated = credentials.withTokens(node.path("access_token").asString(),
                    expiresAt.atZone(SEOUL).toInstant(), node.path("refresh_token").asString());
            store.save(account.id(), rotated);
            credentials = rotated;
            log.info("Refreshed the Cafe24 access token of {}; the rotated refresh token is stored", account.label());
        } catch (IOException | JacksonException e) {
            throw new TransientApiException("token refresh for " + account.label() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The token endpoint said no. A bad client id or secret (invalid_client, or a description naming them) is a wrong
     * accounts-file entry, and the stored refresh token may well be fine; anything else means the refresh token is
     * dead and only a new authorization by the seller brings the account back.
     */
    private MallApiException refused(int status, String error, String description) {
        String said = "HTTP " + status + " " + error + (description.isEmpty() ? "" : ": " + description);
        if (error.equals("invalid_client") || description.contains("client_secret") || description.contains("client_id")) {
            return new MallApiException("Cafe24 rejected the client id or secret of " + account.label() + " (" + said
                    + "); correct clientId/clientSecret in the accounts file — the stored refresh token was kept");
        }
        return new MallApiException("Cafe24 refused the stored refresh token of " + account.label() + " (" + said
                + "); the seller must re-authorize the app, then import its new refresh token");
    }
}
