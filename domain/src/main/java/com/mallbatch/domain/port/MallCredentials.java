package com.mallbatch.domain.port;

import java.time.Instant;

/**
 * An account's secrets. {@link #toString()} never prints them. A crawled account keeps its seller-center login id
 * and password in the client id and secret.
 */
public record MallCredentials(String clientId, String clientSecret, String refreshToken, String accessToken,
                              Instant accessTokenExpiresAt) {

    public MallCredentials withTokens(String newAccessToken, Instant expiresAt, String newRefreshToken) {
        return new MallCredentials(clientId, clientSecret, newRefreshToken, newAccessToken, expiresAt);
    }

    @Override
    public String toString() {
        return "MallCredentials[clientId=" + clientId + ", secrets hidden]";
    }
}
