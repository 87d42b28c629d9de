package com.mallbatch.readers;

/**
 * A crawled site no longer looks the way its profile says: rows gone, fields missing, a login that does not land,
 * a CAPTCHA wall. Never retried, never skipped: the step fails, names the site, URL and selector, and nothing
 * empty is written in place of real data.
 */
public class SiteBrokenException extends MallApiException {

    public SiteBrokenException(String site, String url, String problem) {
        super("Site '" + site + "' at " + url + ": " + problem);
    }
}
