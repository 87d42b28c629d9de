package com.mallbatch.readers.crawl;

/**
 * A record's page is gone, and the site is not broken: it answered with nothing but a script alert the profile declares
 * as "gone" (a product deleted between reading the list and opening it), or — only where the caller asked for it,
 * as a re-read does — with HTTP 404 or 410. That record is skipped.
 */
final class RecordGoneException extends RuntimeException {

    private final String url;
    private final String alert;

    private RecordGoneException(String url, String alert, String message) {
        super(message);
        this.url = url;
        this.alert = alert;
    }

    RecordGoneException(String url, String alert) {
        this(url, alert, url + " answered only alert('" + alert + "')");
    }

    static RecordGoneException notFound(String url, int status) {
        return new RecordGoneException(url, null, url + " answered HTTP " + status);
    }

    String url() {
        return url;
    }

    /** The site's words, or null when the page answered 404 or 410. */
    String alert() {
        return alert;
    }
}
