package com.mallbatch.admin.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** One run: its status, its accounts, the way to an account's failure and to the restart. */
final class RunPage {

    private final Browser browser;

    RunPage(Browser browser) {
        this.browser = browser;
    }

    String status() {
        return browser.definition("Status");
    }

    /** Waits, without reloading (the page's progress stream refreshes it when the run ends), for the status. */
    RunPage awaitStatus(String status, Duration timeout) {
        new WebDriverWait(browser.driver, timeout).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(d -> status.equals(status()));
        return this;
    }

    /** Waits until the progress section shows figures from the stream, and returns its text. */
    String awaitProgressFigures(Duration timeout) {
        return new WebDriverWait(browser.driver, timeout).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> browser.labelled("Progress figures").isDisplayed() ? browser.labelled("Progress").getText()
                        : null);
    }

    boolean hasProgress() {
        return !browser.driver.findElements(By.xpath("//*[@aria-label='Progress']")).isEmpty();
    }

    /** Marks the document the browser shows, to tell later whether it is still the same (nothing reloaded it). */
    void markDocument() {
        ((JavascriptExecutor) browser.driver).executeScript("window.mallbatchSameDocument = true");
    }

    boolean sameDocument() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver).executeScript(
                "return window.mallbatchSameDocument === true"));
    }

    /** The text of the accounts table's row of {@code account}. */
    String accountRow(String account) {
        return browser.driver.findElement(By.xpath("//table[@aria-label='Accounts']//tr[th[normalize-space()="
                + Browser.literal(account) + "]]")).getText();
    }

    /** The accounts table's account names, in order. */
    java.util.List<String> accounts() {
        return browser.driver.findElements(By.xpath("//table[@aria-label='Accounts']//tbody//th")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    /**
     * The row of {@code account} and {@code table} in "What this rerun changed", once htmx has loaded it: this
     * execution's inserted, updated and unchanged rows, then the previous execution's.
     */
    String changedRow(String account, String table, Duration timeout) {
        By row = By.xpath("//table[@aria-label='What this rerun changed']//tr[th[normalize-space()="
                + Browser.literal(account) + "] and td[1][normalize-space()=" + Browser.literal(table) + "]]");
        return new WebDriverWait(browser.driver, timeout).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(row).isEmpty() ? null : d.findElement(row).getText());
    }

    boolean offersRestart() {
        return !browser.driver.findElements(By.xpath("//*[@aria-label='Restart failed accounts']")).isEmpty();
    }

    FailurePage openFailureOf(String account) {
        browser.click(browser.control("Failure of " + account));
        return new FailurePage(browser);
    }

    RestartPage restartFailedAccounts() {
        browser.click(browser.control("Restart failed accounts"));
        return new RestartPage(browser);
    }
}
