package com.mallbatch.readers.crawl;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per field of the site profile, how many rows a crawl step saw and in how many the field was present and parsed: the
 * parse rate reconciliation watches for layout drift. A row counts as parsed for a field only when its selector found
 * a non-empty value and the field's parser read it; an optional field that is absent counts as not parsed (its rate is
 * then simply how often the site shows it). Entities are the profile's sections: {@code products}, {@code variants},
 * {@code orders} and {@code orderLines}. The counts live in the step's ExecutionContext beside the page counts
 * ({@link CrawlPages}), so a restarted step goes on counting from where the failed one stopped; a page fetched again
 * on restart is counted again, as its page is.
 */
public final class FieldParseCounts {

    /** ExecutionContext key prefixes; the rest of a key is {@code entity.field}. */
    public static final String SEEN = "crawl.rowsSeen.";
    public static final String PARSED = "crawl.rowsParsed.";

    /** One field's counts. */
    public record Count(String entity, String field, long rowsSeen, long rowsParsed) {
    }

    /** {@code entity.field} → {rows seen, rows parsed} */
    private final Map<String, long[]> counts = new TreeMap<>();

    void count(String entity, String field, boolean parsed) {
        long[] c = counts.computeIfAbsent(entity + "." + field, k -> new long[2]);
        c[0]++;
        if (parsed) {
            c[1]++;
        }
    }

    /** Takes over the counts an earlier execution of the step left in {@code context}. */
    void load(ExecutionContext context) {
        counts.clear();
        for (Count c : in(context)) {
            counts.put(c.entity() + "." + c.field(), new long[]{c.rowsSeen(), c.rowsParsed()});
        }
    }

    void save(ExecutionContext context) {
        counts.forEach((key, c) -> {
            context.putLong(SEEN + key, c[0]);
            context.putLong(PARSED + key, c[1]);
        });
    }

    /** The counts a crawl step left in its ExecutionContext, by entity and field; none for a step that crawled nothing. */
    public static List<Count> in(ExecutionContext context) {
        Map<String, long[]> found = new TreeMap<>();
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (e.getKey().startsWith(SEEN)) {
                found.computeIfAbsent(e.getKey().substring(SEEN.length()), k -> new long[2])[0] = ((Number) e.getValue()).longValue();
            } else if (e.getKey().startsWith(PARSED)) {
                found.computeIfAbsent(e.getKey().substring(PARSED.length()), k -> new long[2])[1] = ((Number) e.getValue()).longValue();
            }
        }
        List<Count> all = new ArrayList<>();
        found.forEach((key, c) -> all.add(count(key, c[0], c[1])));
        return all;
    }

    private static Count count(String key, long seen, long parsed) {
        int dot = key.indexOf('.');
        return new Count(key.substring(0, dot), key.substring(dot + 1), seen, parsed);
    }
}
