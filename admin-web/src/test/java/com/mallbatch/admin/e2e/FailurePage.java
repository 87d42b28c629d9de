package com.mallbatch.admin.e2e;

/** One account's failure in a run: each failed step's whole exit description. */
final class FailurePage {

    private final Browser browser;

    FailurePage(Browser browser) {
        this.browser = browser;
    }

    /** The account's error in words: the first cause, as the collect noted it. */
    String accountError() {
        return browser.labelled("The account's error").getText();
    }

    String exitDescriptionOf(String stepName) {
        return browser.labelled("Exit description of " + stepName).getText();
    }

    /** The table of failed fetches (calls and pages), one line per failed attempt. */
    String fetchFailures() {
        return browser.labelled("Failed fetches").getText();
    }
}
