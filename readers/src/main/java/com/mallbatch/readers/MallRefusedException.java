package com.mallbatch.readers;

/**
 * The mall answered a request with a refusal that asking again will not change (a 403 for a scope the app was not
 * granted, a 404, a 4xx it explains): a person has to act, the message says what.
 */
public class MallRefusedException extends MallApiException {

    public MallRefusedException(String message) {
        super(message);
    }
}
