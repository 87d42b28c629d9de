package com.mallbatch.domain.port;

import com.mallbatch.domain.MallAccount;

import java.util.List;
import java.util.Map;

/**
 * Checks a site profile before anyone saves it, and tries it on a seller center, writing nothing: the crawler's own
 * parser and selector engine decide, so what passes here is what a collect can run.
 */
public interface CrawlProfileTrial {

    /**
     * Every problem of {@code yaml} as profile {@code name}, one line each naming its key (a YAML that does not parse,
     * a missing or wrong key, a selector that does not compile); empty when the profile can be used.
     */
    List<String> problems(String name, String yaml);

    /**
     * Logs in as {@code account} and reads the first page of its site's product list with {@code yaml} as the profile:
     * the first {@code rows} rows mapped to fields. Nothing is stored, not even failed fetches.
     */
    DryRun firstListPage(MallAccount account, String yaml, int rows);

    /**
     * What a profile read: the page, the fields in the profile's order, the rows (at most as many as asked) and how
     * many the page has; {@code failure} says why nothing could be read (the login, a row selector matching nothing).
     */
    record DryRun(String url, List<String> fields, List<Row> rows, int rowsOnPage, String failure) {

        public static DryRun failed(String url, List<String> fields, String failure) {
            return new DryRun(url, fields, List.of(), 0, failure);
        }
    }

    /** One row: per field, the value read (parsed, as text), or why it could not be read. */
    record Row(Map<String, String> values, Map<String, String> problems) {
    }
}
