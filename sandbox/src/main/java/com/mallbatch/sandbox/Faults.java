package com.mallbatch.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox injects into platform responses, changeable while it runs. Rates are 0..1 per request.
 * Record-level corruption ({@link #malformedRecordEvery}) is deterministic so the ground truth can name the victims.
 * Path fragments match the path as the sandbox serves it, with its query: {@code /cafe24/{mall_id}/api/v2/admin/...}
 * or {@code /seller/{id}/...}; so {@code /cafe24/sandbox07/api/v2/admin/orders} hits one mall's orders and
 * {@code /api/v2/admin/orders} every mall's.
 */
public final class Faults {

    private volatile double serverErrorRate;
    private volatile double stallRate;
    private volatile int stallMillis = 3_000;
    private volatile double burst429Rate;
    private volatile int burst429Length = 5;
    private volatile double malformedJsonRate;
    private volatile int malformedRecordEvery;
    private volatile List<String> outagePaths = List.of();
    private volatile double truncatedHtmlRate;
    private volatile boolean layoutV2;
    private volatile boolean blocked;
    private volatile boolean captchaOnLogin;
    private volatile String failNextPath;
    private volatile PageFieldFault pageField;
    private final AtomicInteger failNextLeft = new AtomicInteger();
    private final AtomicInteger pending429 = new AtomicInteger();

    public Faults serverErrorRate(double rate) {
        this.serverErrorRate = rate;
        return this;
    }

    public Faults stalls(double rate, int millis) {
        this.stallRate = rate;
        this.stallMillis = millis;
        return this;
    }

    /** With probability {@code rate} a request opens a burst: it and the next {@code length - 1} get 429. */
    public Faults bursts429(double rate, int length) {
        this.burst429Rate = rate;
        this.burst429Length = length;
        return this;
    }

    public Faults malformedJsonRate(double rate) {
        this.malformedJsonRate = rate;
        return this;
    }

    /** Every n-th product and order (by position) carries an unparseable field; 0 turns it off. */
    public Faults malformedRecordEvery(int n) {
        this.malformedRecordEvery = n;
        return this;
    }

    /** Every call whose path contains {@code pathFragment} answers 503 until cleared (null ends the outage). */
    public Faults outage(String pathFragment) {
        return outages(pathFragment == null ? List.of() : List.of(pathFragment));
    }

    /** Like {@link #outage}, for several fragments at once; they replace the current ones, and none ends them. */
    public Faults outages(Collection<String> pathFragments) {
        this.outagePaths = List.copyOf(pathFragments);
        return this;
    }

    /** Seller-center pages cut off mid-document, as a dropped connection leaves them. */
    public Faults truncatedHtmlRate(double rate) {
        this.truncatedHtmlRate = rate;
        return this;
    }

    /** Seller centers render with renamed CSS classes, as after a redesign. */
    public Faults layoutV2(boolean on) {
        this.layoutV2 = on;
        return this;
    }

    /** Seller centers answer every page with a CAPTCHA wall. */
    public Faults blocked(boolean on) {
        this.blocked = on;
        return this;
    }

    /** Seller centers answer a login POST with a CAPTCHA page instead of the session. */
    public Faults captchaOnLogin(boolean on) {
        this.captchaOnLogin = on;
        return this;
    }

    /**
     * The next {@code times} requests whose path and query contain {@code pathFragment} answer 503, then requests
     * are served normally again: a transient failure, e.g. of the dashboard right after login. Null turns it off.
     */
    public Faults failNext(String pathFragment, int times) {
        failNextLeft.set(0);
        failNextPath = pathFragment;
        failNextLeft.set(pathFragment == null ? 0 : times);
        return this;
    }

    /**
     * One variant field of seller-center product pages rendered unreadable, or differently for a few renders (see
     * {@link PageFieldFault}); null turns it off. Setting it again starts over: a {@code DIFFERENT_VALUE} fault's
     * renders count from then.
     */
    public Faults pageField(PageFieldFault fault) {
        this.pageField = fault;
        return this;
    }

    /** The page field fault in force, or null. */
    public PageFieldFault pageField() {
        return pageField;
    }

    public boolean layoutV2() {
        return layoutV2;
    }

    public boolean blocked() {
        return blocked;
    }

    public boolean captchaOnLogin() {
        return captchaOnLogin;
    }

    /** True when this request is one of the 503s {@link #failNext} still owes; it uses that one up. */
    public boolean failNextHit(String pathAndQuery) {
        String fragment = failNextPath;
        return fragment != null && pathAndQuery.contains(fragment)
                && failNextLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public boolean truncatedHtml() {
        return roll(truncatedHtmlRate);
    }

    public Faults clear() {
        serverErrorRate = 0;
        stallRate = 0;
        burst429Rate = 0;
        malformedJsonRate = 0;
        malformedRecordEvery = 0;
        outagePaths = List.of();
        truncatedHtmlRate = 0;
        layoutV2 = false;
        blocked = false;
        captchaOnLogin = false;
        pageField = null;
        failNext(null, 0);
        pending429.set(0);
        return this;
    }

    public int malformedRecordEvery() {
        return malformedRecordEvery;
    }

    public boolean serverError(String path) {
        return outagePaths.stream().anyMatch(path::contains) || roll(serverErrorRate);
    }

    public int stallMillis() {
        return roll(stallRate) ? stallMillis : 0;
    }

    public boolean malformedJson() {
        return roll(malformedJsonRate);
    }

    /** True when this request falls into a 429 burst. */
    public boolean forced429() {
        if (pending429.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return true;
        }
        if (roll(burst429Rate)) {
            pending429.set(burst429Length - 1);
            return true;
        }
        return false;
    }

    private static boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
