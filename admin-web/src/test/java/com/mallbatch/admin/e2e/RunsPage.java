package com.mallbatch.admin.e2e;

import java.time.LocalDate;

/** The job × business date grid. */
final class RunsPage {

    private final Browser browser;

    RunsPage(Browser browser) {
        this.browser = browser;
    }

    /** The grid of the 30 days up to {@code to}. */
    RunsPage showUpTo(LocalDate to) {
        browser.open("/runs?to=" + to);
        return this;
    }

    RunPage openRun(String job, LocalDate businessDate, String status) {
        browser.click(browser.control(job + " on " + businessDate + ": " + status));
        return new RunPage(browser);
    }
}
