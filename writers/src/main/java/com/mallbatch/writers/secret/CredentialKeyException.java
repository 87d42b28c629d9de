package com.mallbatch.writers.secret;

/** The secret key is missing, malformed, or not the one the stored credentials were sealed with. */
public final class CredentialKeyException extends RuntimeException {

    public CredentialKeyException(String message) {
        super(message);
    }

    public CredentialKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
