package com.mallbatch.admin.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Selenium, in English, with a fresh profile. Controls are found as a person finds
 * them: by their label or accessible name, never by a CSS class.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final WebDriver driver;
    final String baseUrl;
    private final Path profile;

    static boolean available() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    Browser(String baseUrl) throws IOException {
        this(baseUrl, null);
    }

    /** @param downloads where downloads land without asking, or null for Chromium's default */
    Browser(String baseUrl, Path downloads) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=en-US", "--window-size=1366,1000", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", "en-US,en"));
        if (downloads != null) {
            prefs.putAll(Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false, "download.directory_upgrade", true));
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(baseUrl + path);
        settle();
    }

    /** The field whose label reads {@code label}. */
    WebElement field(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    /** The button or link whose accessible name is {@code name}. */
    WebElement control(String name) {
        WebElement element = driver.findElement(By.xpath("//*[(self::a or self::button) and (@aria-label="
                + literal(name) + " or normalize-space()=" + literal(name) + ")]"));
        if (!name.equals(element.getAccessibleName())) {
            throw new AssertionError("accessible name is '" + element.getAccessibleName() + "', not '" + name + "'");
        }
        return element;
    }

    /** The element labelled {@code name} by aria-label. */
    WebElement labelled(String name) {
        return driver.findElement(By.xpath("//*[@aria-label=" + literal(name) + "]"));
    }

    /** The text of the definition after the term {@code term}. */
    String definition(String term) {
        return driver.findElement(By.xpath("//dt[normalize-space()=" + literal(term) + "]/following-sibling::dd[1]"))
                .getText();
    }

    void click(WebElement element) {
        element.click();
        settle();
    }

    /** Waits until the page is loaded and htmx has nothing in flight. */
    void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState"))
                && d.findElements(By.cssSelector(".htmx-request, .htmx-swapping, .htmx-settling")).isEmpty());
    }

    /** Whether the htmx webjar loaded (the page refreshes a running run with it). */
    boolean htmxLoaded() {
        return "object".equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return typeof htmx"));
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png}, for a person to look at. */
    void screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /**
     * Posts a form body to {@code path} from the current page as its own script would: with the page's CSRF token in
     * the header htmx sends; returns the HTTP status (redirects not followed).
     */
    int postFromPage(String path, String formBody) {
        Object status = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const header = document.querySelector('meta[name=_csrf_header]').content;"
                        + "const token = document.querySelector('meta[name=_csrf]').content;"
                        + "fetch(arguments[0], {method: 'POST', redirect: 'manual', headers: {[header]: token,"
                        + " 'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1]})"
                        + ".then(r => done(r.type === 'opaqueredirect' ? 302 : r.status), e => done(-1));",
                baseUrl + path, formBody);
        return ((Number) status).intValue();
    }

    /**
     * The forms of the current page a person could send to change something: every POST form with a submit control
     * that is not disabled (itself or by its fieldset), but signing out.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> changingForms() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('form')]"
                        + ".filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post')"
                        + ".filter(f => [...f.querySelectorAll('button, input[type=submit]')]"
                        + "  .some(b => b.type === 'submit' && !b.matches(':disabled')))"
                        + ".map(f => f.getAttribute('action')).filter(a => !a.endsWith('/logout'));");
    }

    /** The main menu's links, as paths. */
    java.util.List<String> menu() {
        return driver.findElements(By.xpath("//nav//a")).stream()
                .map(a -> a.getAttribute("href").replace(baseUrl, "")).toList();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
