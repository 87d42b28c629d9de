package com.mallbatch.admin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One settlement version (or the draft): totals, lines, changes, versions; confirm and download for FINANCE. */
final class SettlementPage {

    private final Browser browser;

    SettlementPage(Browser browser) {
        this.browser = browser;
    }

    String title() {
        return browser.driver.findElement(org.openqa.selenium.By.tagName("h1")).getText();
    }

    String total(String name) {
        return browser.definition(name);
    }

    String linesPage() {
        return browser.page();
    }

    boolean offersConfirm(String account, String period, int version) {
        return !browser.driver.findElements(org.openqa.selenium.By.xpath("//button[@aria-label="
                + Browser.literal("Confirm the settlement of " + account + " for " + period + ", v" + version) + "]")).isEmpty();
    }

    SettlementPage confirm(String account, String period, int version, String comment) {
        browser.field("Comment (optional)").sendKeys(comment);
        browser.click(browser.control("Confirm the settlement of " + account + " for " + period + ", v" + version));
        return this;
    }

    /** What the ERP column says about a version's document, refreshing as a person would until it reads {@code status}. */
    String awaitErpDocument(int version, String status, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        String shown = browser.labelled("ERP document of v" + version).getText();
        while (!shown.contains(status) && Instant.now().isBefore(until)) {
            browser.driver.navigate().refresh();
            browser.settle();
            shown = browser.labelled("ERP document of v" + version).getText();
        }
        return shown;
    }

    /** Downloads a version's workbook and returns the file once Chromium has finished writing it. */
    Path downloadWorkbook(int version, Path downloads, Duration timeout) throws IOException, InterruptedException {
        browser.control("Download the workbook of v" + version).click();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Optional<Path> done;
            try (var files = Files.list(downloads)) {
                done = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
            }
            if (done.isPresent() && Files.size(done.get()) > 0) {
                return done.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no workbook arrived in " + downloads + " within " + timeout);
    }
}
