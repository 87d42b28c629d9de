package com.mallbatch.readers.cafe24;

/** A failure worth retrying: I/O, a stalled call, 5xx, 429, an expired token, a truncated body. */
final class TransientApiException extends RuntimeException {

    TransientApiException(String message, Throwable cause) {
        super(message, cause);
    }

    TransientApiException(String message) {
        super(message);
    }
}
