package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MalformedRecordException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * An order carries money: one that cannot be read is never dropped quietly. Up to {@code limit} malformed orders per
 * account step are skipped into the skip log — 0 unless the operator raised it on purpose — and the next one fails
 * the account's step, saying which order, why, and how to let it through.
 */
final class OrderSkipPolicy implements SkipPolicy {

    private final long limit;

    OrderSkipPolicy(long limit) {
        this.limit = limit;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (!(t instanceof MalformedRecordException malformed)) {
            return false;
        }
        if (skipCount < 0 || skipCount < limit) {
            return true;
        }
        throw new OrderNotLoadedException(malformed, limit);
    }

    /** The step's failure: the order that would have vanished, and what to do about it. */
    static final class OrderNotLoadedException extends RuntimeException {

        OrderNotLoadedException(MalformedRecordException cause, long limit) {
            super("Not loaded, so the account's collect stops: " + cause.getMessage() + ". An order is never skipped "
                    + "without consent" + (limit == 0 ? "" : " beyond the " + limit + " allowed")
                    + ": fix the record at the mall, or set mallbatch.collect.order-skip-limit to skip such orders "
                    + "on purpose (they are listed in skipped_records)", cause);
        }
    }
}
