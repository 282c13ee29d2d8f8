package com.sladesk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test that drives the running service in headless Chromium: one fresh browser per test. */
@SlaDeskTest
@Tag("browser")
@EnabledIf("com.sladesk.BrowserSupport#available")
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = BrowserSupport.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    protected String base() {
        return "http://localhost:" + port;
    }
}
