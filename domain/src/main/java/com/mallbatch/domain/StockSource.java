package com.mallbatch.domain;

/** How a value was obtained: from a mall's API or by crawling its seller center. */
public enum StockSource {
    API, CRAWL
}
