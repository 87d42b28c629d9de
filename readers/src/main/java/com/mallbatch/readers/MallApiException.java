package com.mallbatch.readers;

/** A call to a mall that failed for good: a request the mall refuses, or a transient fault that outlasted retries. */
public class MallApiException extends RuntimeException {

    public MallApiException(String message) {
        super(message);
    }

    public MallApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
