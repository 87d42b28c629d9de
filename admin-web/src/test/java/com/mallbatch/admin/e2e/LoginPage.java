package com.mallbatch.admin.e2e;

/** The sign-in page. */
final class LoginPage {

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
    }

    static LoginPage open(Browser browser) {
        browser.open("/login");
        return new LoginPage(browser);
    }

    RunsPage signIn(String username, String password) {
        browser.field("User name").sendKeys(username);
        browser.field("Password").sendKeys(password);
        browser.click(browser.control("Sign in"));
        return new RunsPage(browser);
    }
}
