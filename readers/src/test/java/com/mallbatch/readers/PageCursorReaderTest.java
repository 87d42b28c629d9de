package com.mallbatch.readers;

import com.mallbatch.domain.MalformedRecordException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorReaderTest {

    /** Ten pages of three numbers; a negative number is a malformed record. */
    static final class NumberPages extends PageCursorReader<Integer, Integer> {
        final List<String> fetched = new ArrayList<>();

        NumberPages() {
            super("numbers");
        }

        @Override
        protected String firstToken() {
            return "0";
        }

        @Override
        protected Page<Integer> fetch(String token) {
            fetched.add(token);
            int page = Integer.parseInt(token);
            List<Integer> records = List.of(page * 3, page == 4 ? -1 : page * 3 + 1, page * 3 + 2);
            return new Page<>(records, "test://page/" + page, page == 9 ? null : String.valueOf(page + 1));
        }

        @Override
        protected Integer map(Integer record, String source) {
            if (record < 0) {
                throw new MalformedRecordException(source, "number", "?", "value", "is negative");
            }
            return record;
        }
    }

    @Test
    void aRestartResumesAtTheItemAfterTheLastCommittedOneAndRefetchesOnlyThatPage() {
        NumberPages first = new NumberPages();
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        for (int i = 0; i < 8; i++) { // pages 0, 1 and two items of page 2
            first.read();
        }
        first.update(context); // a chunk commits here
        first.read(); // read but never committed: the JVM dies

        NumberPages restarted = new NumberPages();
        restarted.open(context);
        assertThat(restarted.read()).isEqualTo(8);
        assertThat(restarted.fetched).containsExactly("2");
    }

    @Test
    void aMalformedRecordIsReportedAfterTheReaderMovedPastIt() {
        NumberPages reader = new NumberPages();
        reader.open(new ExecutionContext());
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            read.add(reader.read());
        }
        assertThatThrownBy(reader::read).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("test://page/4").hasMessageContaining("field 'value' is negative");
        assertThat(reader.read()).as("the next read goes on after the bad record").isEqualTo(14);
        Integer last = null;
        for (Integer n = reader.read(); n != null; n = reader.read()) {
            last = n;
        }
        assertThat(last).isEqualTo(29);
        assertThat(read).startsWith(0, 1, 2, 3);
    }
}
