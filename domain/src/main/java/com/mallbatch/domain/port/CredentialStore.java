package com.mallbatch.domain.port;

/** Keeps each account's credentials, encrypted at rest. */
public interface CredentialStore {

    MallCredentials load(long accountId);

    /**
     * Stores rotated tokens durably before they are used: a rotated refresh token replaces the only one that works,
     * so losing it would lock the account out.
     */
    void save(long accountId, MallCredentials credentials);
}
