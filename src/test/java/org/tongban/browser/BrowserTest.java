package org.tongban.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongban.IntegrationTest;

/**
 * Browser tests drive Debian's headless Chromium through chromedriver (both from apt; .ci/run installs them).
 * The window is the narrowest common phone's width, 390 CSS pixels: the pages are mobile first. Screenshots go to
 * target/screenshots.
 *
 * <p>Every page a test visits is checked ({@link PageChecks}, ADR 0026), in the standard and the elderly mode: no
 * horizontal scrolling and no WCAG 2.1 AA violation found by axe-core. The check points are each page opened, each
 * wait that ends, each screenshot and the page a test ends on.
 */
@Tag("browser")
abstract class BrowserTest extends IntegrationTest {

    protected ChromeDriver driver;
    protected WebDriverWait wait;
    private PageChecks checks;
    private boolean checking = !Boolean.getBoolean("tongban.skipPageChecks");

    @BeforeEach
    void openBrowser() {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("tongban.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--window-size=390,844");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new java.io.File(System.getProperty("tongban.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(390, 844));
        checks = new PageChecks(driver);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15)) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
                V value = super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (WebDriverException e) {
                        // Chrome's answer when the page changed between finding an element and reading it (a
                        // navigation after a click): like a stale element, a reason to ask again.
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return null;
                        throw e;
                    }
                });
                checkPage();
                return value;
            }
        };
        // htmx swaps parts of a page and a toggle reloads it: an element read a moment ago may be gone when the
        // condition asks it again, which is a reason to ask once more, not a failure.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void reportTheChecksCost() {
        System.out.println(PageChecks.cost());
    }

    @AfterEach
    void closeBrowser() {
        try {
            if (driver != null) checkPage();
        } finally {
            if (driver != null) driver.quit();
        }
    }

    protected void open(String path) {
        driver.get(BASE + path);
        checkPage();
    }

    /**
     * Checks the page as it is now (ADR 0026); the base class does so at its check points, a test calls it where a
     * page changed in place.
     */
    protected void checkPage() {
        if (checking) checks.check();
    }

    /** For a test that turns the page's scripts off (the checks run in the page): no check until it turns them on. */
    protected void pauseChecks(boolean paused) {
        checking = !paused;
    }

    protected String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    protected void signIn(String identifier, String password) {
        open("/login");
        driver.findElement(By.id("identifier")).sendKeys(identifier);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("password-submit")).click();
        wait.until(d -> !d.getCurrentUrl().equals(BASE + "/login"));
        if (path().equals("/login")) return; // refused
        // A staff account that is also a citizen lands in the citizen channel: ask whether a factor is missing.
        if (!path().equals("/login/second-factor")) open("/login/second-factor");
        if (path().equals("/login/second-factor")) {
            // Staff pages ask for a second factor: the code sent to the account's phone.
            driver.findElement(By.id("second-factor-send")).click();
            waitVisible("second-factor-sent");
            screenshot("login-second-factor");
            driver.findElement(By.id("second-factor-code")).sendKeys(secondFactorCode(identifier));
            driver.findElement(By.id("second-factor-submit")).click();
            wait.until(d -> !path().startsWith("/login"));
        }
    }

    protected void waitForPath(String expected) {
        wait.until(d -> path().equals(expected));
    }

    protected void screenshot(String name) {
        checkPage();
        try {
            var dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void waitVisible(String id) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }
}
