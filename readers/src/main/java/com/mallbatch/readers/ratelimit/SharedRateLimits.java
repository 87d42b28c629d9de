package com.mallbatch.readers.ratelimit;

import com.mallbatch.readers.api.CallBudget;

/**
 * Call budgets that span accounts and processes: an application-wide API budget (one app's calls across every seller,
 * a site's patience across every crawled account) holds across all workers that name it, because they all draw on one
 * bucket kept outside any of them. A seller's own budget stays in-process (an account runs on one worker at a time);
 * an adapter that must respect both folds them together with {@link CallBudget#all}.
 */
public interface SharedRateLimits {

    /**
     * The budget called {@code name}: bursts of up to {@code capacity} calls, refilled at {@code perSecond}. Every
     * caller of the same name, in this process or another, shares it; the first caller's limits define it.
     */
    CallBudget budget(String name, long capacity, double perSecond);
}
