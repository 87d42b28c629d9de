package com.mallbatch.readers.api;

/** A failure worth retrying: I/O, a stalled call, 5xx, 429, an expired token, a truncated body. */
public final class TransientApiException extends RuntimeException {

    public TransientApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientApiException(String message) {
        super(message);
    }
}
