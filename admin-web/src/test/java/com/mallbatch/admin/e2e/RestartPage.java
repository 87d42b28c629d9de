package com.mallbatch.admin.e2e;

import org.openqa.selenium.By;

/** What a restart will rerun, and the button that does it. */
final class RestartPage {

    private final Browser browser;

    RestartPage(Browser browser) {
        this.browser = browser;
    }

    String accountsThatWillRerun() {
        return browser.driver.findElement(By.xpath("//table[@aria-label='Accounts that will run again']")).getText();
    }

    /** Confirms, with the button that says how many accounts will rerun. */
    RunPage confirm(int accounts) {
        browser.click(browser.control("Restart " + accounts + " account(s)"));
        return new RunPage(browser);
    }
}
