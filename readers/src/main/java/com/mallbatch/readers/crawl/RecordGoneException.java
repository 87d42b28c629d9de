package com.mallbatch.readers.crawl;

/**
 * The site answered a record's page with nothing but a script alert the profile declares as "gone" (a product deleted
 * between reading the list and opening it): that record is skipped, the site is not broken.
 */
final class RecordGoneException extends RuntimeException {

    private final String url;
    private final String alert;

    RecordGoneException(String url, String alert) {
        super(url + " answered only alert('" + alert + "')");
        this.url = url;
        this.alert = alert;
    }

    String url() {
        return url;
    }

    String alert() {
        return alert;
    }
}
