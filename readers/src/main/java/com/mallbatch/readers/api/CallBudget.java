package com.mallbatch.readers.api;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A platform's call budget as the client keeps it: a call waits until it fits, the platform's answers correct the
 * estimate (its rate-limit headers), and a 429 that comes anyway empties it. Implementations are thread-safe: one
 * budget is shared by every reader of what it limits (a mall, an application).
 */
public interface CallBudget {

    /** Blocks until a call fits; returns the nanoseconds spent waiting. */
    long acquire();

    /** What the platform said about the budget, by response header name (null when absent). */
    void observe(UnaryOperator<String> header);

    /** The platform refused a call for its rate: treat the budget as spent. */
    void rejected();

    /** A call must fit every one of {@code budgets} (e.g. the seller's and the application's). */
    static CallBudget all(List<CallBudget> budgets) {
        return new CallBudget() {
            @Override
            public long acquire() {
                long waited = 0;
                for (CallBudget budget : budgets) {
                    waited += budget.acquire();
                }
                return waited;
            }

            @Override
            public void observe(UnaryOperator<String> header) {
                budgets.forEach(budget -> budget.observe(header));
            }

            @Override
            public void rejected() {
                budgets.forEach(CallBudget::rejected);
            }
        };
    }
}
