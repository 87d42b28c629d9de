package com.mallbatch.admin.e2e;

/** The settlements of a period, one row per account. */
final class SettlementsPage {

    private final Browser browser;

    private SettlementsPage(Browser browser) {
        this.browser = browser;
    }

    static SettlementsPage open(Browser browser) {
        browser.open("/settlements");
        return new SettlementsPage(browser);
    }

    /** The row of an account: its status, nets, lines and versions as shown. */
    String row(String account) {
        return browser.driver.findElement(org.openqa.selenium.By.xpath("//tr[th[normalize-space()="
                + Browser.literal(account) + "]]")).getText();
    }

    SettlementPage openSettlement(String account, String period) {
        browser.click(browser.control("Open the settlement of " + account + " for " + period));
        return new SettlementPage(browser);
    }
}
