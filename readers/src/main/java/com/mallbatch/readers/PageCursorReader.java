package com.mallbatch.readers;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

import java.util.List;

/**
 * A restartable reader over a paged source. Its cursor — the token of the page being read and how many items of it
 * were handed out — lives in the step's ExecutionContext, so a restart refetches only that page and resumes at the
 * next item instead of starting over.
 *
 * @param <R> the raw record a page holds
 * @param <T> the item handed to the step
 */
public abstract class PageCursorReader<R, T> extends ItemStreamSupport implements ItemStreamReader<T> {

    /** A fetched page: its records, where it came from (for error messages), and the next page's token. */
    public record Page<R>(List<R> records, String source, String nextToken) {
    }

    private static final String END = "<end>";

    private String pageToken;
    private int index;
    private Page<R> page;

    protected PageCursorReader(String name) {
        setName(name);
    }

    /** The token of the first page. */
    protected abstract String firstToken();

    /** Fetches one page; {@code nextToken} is null after the last one. */
    protected abstract Page<R> fetch(String token);

    /**
     * Maps one record; throws {@link com.mallbatch.domain.MalformedRecordException} for a bad one, returns null to pass
     * over one the step has already been given (the cursor still counts it).
     */
    protected abstract T map(R record, String source);

    @Override
    public void open(ExecutionContext context) {
        pageToken = context.getString(getExecutionContextKey("page"), firstToken());
        index = context.getInt(getExecutionContextKey("index"), 0);
        page = null;
    }

    @Override
    public T read() {
        while (!END.equals(pageToken)) {
            if (page == null) {
                page = fetch(pageToken);
            }
            if (index < page.records().size()) {
                R record = page.records().get(index++);
                T item = map(record, page.source());
                if (item != null) {
                    return item;
                }
                continue;
            }
            pageToken = page.nextToken() == null ? END : page.nextToken();
            index = 0;
            page = null;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        boolean pageDone = page != null && index >= page.records().size();
        // A page read to its end is not fetched again on restart: the cursor moves on to the next one.
        context.putString(getExecutionContextKey("page"), pageDone ? (page.nextToken() == null ? END : page.nextToken()) : pageToken);
        context.putInt(getExecutionContextKey("index"), pageDone || !resumesInsidePage() ? 0 : index);
    }

    /**
     * Whether a restart skips the records of its page that were handed out before; false where a page can shift
     * between runs and the reader itself skips what it handed out.
     */
    protected boolean resumesInsidePage() {
        return true;
    }
}
