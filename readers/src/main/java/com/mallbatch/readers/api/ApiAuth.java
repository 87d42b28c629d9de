package com.mallbatch.readers.api;

/** Authorizes calls to one seller's API: the Authorization header, and what to do when the platform refuses it. */
public interface ApiAuth {

    /** The value of the Authorization header of the next call (fetching or refreshing a token when needed). */
    String authorization();

    /** The platform refused {@code authorization}: get a new one unless another thread already has. */
    void rejected(String authorization);
}
