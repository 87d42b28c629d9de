package com.mallbatch.sandbox.cafe24;

/** A request parameter the Admin API rejects with 422 and its documented error body. */
final class InvalidParameter extends RuntimeException {

    InvalidParameter(String message) {
        super(message);
    }
}
