package com.mallbatch.admin.e2e;

/** One account's failure in a run: each failed step's whole exit description. */
final class FailurePage {

    private final Browser browser;

    FailurePage(Browser browser) {
        this.browser = browser;
    }

    String exitDescriptionOf(String stepName) {
        return browser.labelled("Exit description of " + stepName).getText();
    }
}
