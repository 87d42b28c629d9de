package com.mallbatch.domain;

/** The kinds of mall mallbatch collects from, and how. */
public enum Platform {
    /** Cafe24 Admin API (REST, OAuth 2.0 with rotating refresh tokens). */
    CAFE24,
    /** Naver SmartStore Commerce API. */
    SMARTSTORE,
    /** A seller center without an API, crawled. */
    CRAWL
}
