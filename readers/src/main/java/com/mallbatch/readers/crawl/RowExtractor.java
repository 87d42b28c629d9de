package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.readers.SiteBrokenException;
import com.mallbatch.readers.crawl.SiteProfile.FieldSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reads the profile's fields out of the rows of one page. A row missing a required field is a malformed record, to
 * be skipped; but when more rows of the page miss a field than the profile tolerates, the page's layout has changed
 * and the whole page is broken — that fails the step rather than loading a page of gaps.
 */
final class RowExtractor {

    /** A row's parsed values and the text they were parsed from, or why it could not be read. */
    record Row(Map<String, Object> values, Map<String, String> raw, Doc node, MalformedRecordException problem) {
        Object get(String field) {
            return values.get(field);
        }

        String text(String field) {
            Object value = values.get(field);
            return value == null ? null : value.toString();
        }
    }

    private final SiteProfile profile;

    RowExtractor(SiteProfile profile) {
        this.profile = profile;
    }

    /** The rows a selector finds; none, unless the page says its list is empty, means the layout is gone. */
    List<Doc> rows(Doc page, String rowSelector, String emptyMarker, String url) {
        List<Doc> rows = page.select(rowSelector);
        if (rows.isEmpty() && !legitimatelyEmpty(page, rowSelector, emptyMarker)) {
            throw new SiteBrokenException(profile.name(), url, "row selector '" + rowSelector + "' matched nothing"
                    + (emptyMarker == null ? "" : " and the empty-list marker '" + emptyMarker + "' is absent"));
        }
        return rows;
    }

    /** JSON says "empty" with an empty array where the rows belong; HTML with the profile's empty-list marker. */
    private static boolean legitimatelyEmpty(Doc page, String rowSelector, String emptyMarker) {
        if (page instanceof Doc.Json json) {
            return json.node().at(rowSelector).isArray();
        }
        return emptyMarker != null && !page.select(emptyMarker).isEmpty();
    }

    /** Counts, per field and row, whether the field was present and parsed. */
    @FunctionalInterface
    interface Tally {
        void count(String field, boolean parsed);

        Tally NONE = (field, parsed) -> {
        };
    }

    List<Row> extract(List<Doc> rows, Map<String, FieldSpec> fields, String entity, String url) {
        return extract(rows, fields, entity, url, Tally.NONE);
    }

    /**
     * As {@link #extract(List, Map, String, String)}, telling {@code tally} about every field of every row, those of a
     * page it then finds broken included.
     */
    List<Row> extract(List<Doc> rows, Map<String, FieldSpec> fields, String entity, String url, Tally tally) {
        List<Row> result = new ArrayList<>(rows.size());
        Map<String, Integer> missing = new HashMap<>();
        for (Doc row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, String> texts = new HashMap<>();
            MalformedRecordException problem = null;
            for (FieldSpec field : fields.values()) {
                String raw = raw(row, field);
                if (raw == null || raw.isEmpty()) {
                    tally.count(field.name(), false);
                    if (!field.optional()) {
                        missing.merge(field.name(), 1, Integer::sum);
                        problem = problem != null ? problem : malformed(url, entity, values, field, "is missing (selector '"
                                + field.select() + "')");
                    }
                    continue;
                }
                texts.put(field.name(), raw);
                try {
                    values.put(field.name(), field.parser().parse(raw));
                    tally.count(field.name(), true);
                } catch (IllegalArgumentException e) {
                    tally.count(field.name(), false);
                    problem = problem != null ? problem : malformed(url, entity, values, field, e.getMessage());
                }
            }
            result.add(new Row(values, texts, row, problem));
        }
        for (Map.Entry<String, Integer> m : missing.entrySet()) {
            if (m.getValue() > profile.maxMissingRatio() * rows.size()) {
                FieldSpec field = fields.get(m.getKey());
                throw new SiteBrokenException(profile.name(), url, m.getValue() + " of " + rows.size() + " " + entity
                        + " rows have no '" + field.name() + "' (selector '" + field.select() + "')");
            }
        }
        return result;
    }

    /** One value of a whole page (a totals box); a declared one that is missing means the layout changed. */
    Object value(Doc page, FieldSpec field, String url) {
        String raw = raw(page, field);
        if (raw == null || raw.isEmpty()) {
            throw new SiteBrokenException(profile.name(), url, "'" + field.name() + "' (selector '" + field.select()
                    + "') is missing");
        }
        try {
            return field.parser().parse(raw);
        } catch (IllegalArgumentException e) {
            throw new SiteBrokenException(profile.name(), url, "'" + field.name() + "' " + e.getMessage());
        }
    }

    /** The text of {@code field} in {@code row} (after its attribute and pattern), or null when absent. */
    static String raw(Doc row, FieldSpec field) {
        List<Doc> found = row.select(field.select());
        if (found.isEmpty()) {
            return null;
        }
        String value = found.get(0).value(field.attr());
        if (value == null || field.pattern() == null) {
            return value == null ? null : value.strip();
        }
        Matcher m = field.pattern().matcher(value);
        return m.find() ? m.group(m.groupCount() >= 1 ? 1 : 0) : null;
    }

    private static MalformedRecordException malformed(String url, String entity, Map<String, Object> values,
                                                      FieldSpec field, String problem) {
        Object key = values.values().stream().findFirst().orElse("?");
        return new MalformedRecordException(url, entity, String.valueOf(key), field.name(), problem);
    }
}
