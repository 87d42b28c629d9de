package com.mallbatch.domain.reconcile;

/**
 * How often a crawl read one field of its site profile: the business date's newest crawl against the account's
 * earlier crawls of the trailing window (null rates when there were no rows).
 *
 * @param entity the profile's section: products, variants, orders, orderLines
 */
public record FieldParseRate(String entity, String field, long rowsSeen, long rowsParsed, long trailingSeen,
                             long trailingParsed) {

    public Double rate() {
        return rowsSeen == 0 ? null : (double) rowsParsed / rowsSeen;
    }

    public Double trailingRate() {
        return trailingSeen == 0 ? null : (double) trailingParsed / trailingSeen;
    }
}
