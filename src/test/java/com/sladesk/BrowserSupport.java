package com.sladesk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven by Debian's chromedriver; nothing is downloaded. */
public final class BrowserSupport {

    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";

    private BrowserSupport() {
    }

    /**
     * Used by {@code @EnabledIf}: browser tests run where Debian's chromium-driver is installed;
     * with {@code -Dsladesk.test.browser=required} (as .ci/run sets) they run, and fail if it is missing.
     */
    public static boolean available() {
        return "required".equals(System.getProperty("sladesk.test.browser"))
                || (new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute());
    }

    public static WebDriver start() {
        Path home = Path.of("target", "chromium").toAbsolutePath();
        try {
            Files.createDirectories(home.resolve("tmp"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString(), "TMPDIR", home.resolve("tmp").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    public static void signIn(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(driver, By.cssSelector("form.form button[type=submit]"));
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public static void clickAndWait(WebDriver driver, By what) {
        WebElement element = driver.findElement(what);
        element.click();
        // Chromium reports a node of the old page either as stale or as "not in the document": both mean gone
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            }
            catch (WebDriverException gone) {
                return true;
            }
        });
    }

    public static void screenshot(WebDriver driver, String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
