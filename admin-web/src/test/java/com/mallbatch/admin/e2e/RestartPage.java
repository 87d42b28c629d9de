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

    RunPage confirm() {
        browser.click(browser.control("Confirm restart"));
        return new RunPage(browser);
    }
}
