package com.mallbatch.readers.crawl;

import com.mallbatch.readers.PageCursorReader;
import com.mallbatch.readers.SiteBrokenException;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.List;
import java.util.Map;

/**
 * A crawl over a paginated list: restartable at the page it stopped on (the page number is the cursor), counting
 * pages fetched and failed, and per field the rows seen and parsed ({@link FieldParseCounts}), into the step's
 * ExecutionContext as it goes — a step that fails still reports them —, closing its browser session at the end.
 */
abstract class CrawlReader<R, T> extends PageCursorReader<R, T> {

    /** One list page: where it was, its rows, and whether another follows. */
    record ListPage(String url, Doc doc, List<Doc> rows, boolean hasNext) {
    }

    protected final SiteProfile profile;
    protected final CrawlSession session;
    protected final RowExtractor extractor;
    private final FieldParseCounts parses = new FieldParseCounts();
    private ExecutionContext context;
    private long earlierOk;
    private long earlierFailed;

    CrawlReader(String name, SiteProfile profile, CrawlSession session) {
        super(name);
        this.profile = profile;
        this.session = session;
        this.extractor = new RowExtractor(profile);
    }

    ListPage listPage(SiteProfile.ListSpec spec, Map<String, String> variables) {
        return listPage(profile, session, extractor, spec, variables);
    }

    /** One page of a list, {@code variables} ({page}, {date}) filled into its URL template. */
    static ListPage listPage(SiteProfile profile, CrawlSession session, RowExtractor extractor, SiteProfile.ListSpec spec,
                             Map<String, String> variables) {
        String path = spec.url();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        String url = session.url(path);
        Doc doc = session.get(url);
        List<Doc> rows = extractor.rows(doc, spec.rows(), spec.empty(), url);
        return new ListPage(url, doc, rows, hasNext(profile, doc, spec, Integer.parseInt(variables.get("page")), url));
    }

    private static boolean hasNext(SiteProfile profile, Doc doc, SiteProfile.ListSpec spec, int page, String url) {
        if (spec.next() != null) {
            return !doc.select(spec.next()).isEmpty();
        }
        List<Doc> total = doc.select(spec.totalPages());
        if (total.isEmpty()) {
            throw new SiteBrokenException(profile.name(), url, "the page count '" + spec.totalPages() + "' is missing");
        }
        return page < Integer.parseInt(total.get(0).value(null));
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        this.context = context;
        earlierOk = context.getLong(CrawlPages.OK, 0);
        earlierFailed = context.getLong(CrawlPages.FAILED, 0);
        parses.load(context);
    }

    /** Counts the fields of {@code entity} (a profile section: products, variants, orders, orderLines) as rows are read. */
    RowExtractor.Tally tally(String entity) {
        return (field, parsed) -> parses.count(entity, field, parsed);
    }

    @Override
    public T read() {
        try {
            return super.read();
        } finally {
            countPages();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        countPages();
    }

    private void countPages() {
        context.putLong(CrawlPages.OK, earlierOk + session.pagesOk());
        context.putLong(CrawlPages.FAILED, earlierFailed + session.pagesFailed());
        parses.save(context);
    }

    @Override
    public void close() {
        session.close();
    }
}
