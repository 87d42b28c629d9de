package com.mallbatch.readers.api;

import java.util.Map;

/**
 * What differs between platforms on the wire, for {@link ApiClient}: the name in metrics and messages, the headers
 * every call carries, the query parameter that sets a page's size, and what an error answer means.
 */
public interface ApiDialect {

    /** What a failed answer means to the client. */
    enum Kind {
        /** The access token was refused: refresh it and retry. */
        UNAUTHORIZED,
        /** The rate limit was hit: mark the budget spent and retry. */
        RATE_LIMITED,
        /** Worth retrying as is; on a 5xx with a page size, with a smaller page. */
        TRANSIENT,
        /** Retrying will not help: the account's step fails with the message. */
        FATAL
    }

    /** An error answer classified, with the message a person reads. */
    record Failure(Kind kind, String message) {
    }

    /** CAFE24, SMARTSTORE … */
    String platform();

    /** The platform as people write it, in error messages ("Cafe24", "SmartStore"). */
    String displayName();

    /** Headers every call carries besides Authorization (an API version …). */
    Map<String, String> headers();

    /** The query parameter that sets a page's size, halved on a 5xx retry; null when pages have a fixed size. */
    String pageSizeParameter();

    /** What an answer other than 200 means. */
    Failure classify(int status, String body);
}
