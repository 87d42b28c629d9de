package com.mallbatch.domain;

/** How a record was obtained: from a mall's API or by crawling its seller center. */
public enum SourceKind {
    API, CRAWL
}
