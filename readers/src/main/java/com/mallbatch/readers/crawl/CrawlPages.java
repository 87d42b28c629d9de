package com.mallbatch.readers.crawl;

/** The ExecutionContext keys under which a crawl step counts its pages, for the job to record its success rate. */
public final class CrawlPages {

    public static final String OK = "crawl.pagesOk";
    public static final String FAILED = "crawl.pagesFailed";

    private CrawlPages() {
    }
}
