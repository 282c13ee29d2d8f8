package com.sladesk.security;

import java.time.Duration;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit runs under Camunda's own content policy, not the pages' strict one: an ADMIN signed in
 * to SLA Desk opens it in a real browser and its AngularJS application starts and shows the
 * process definitions.
 */
class CockpitBrowserTests extends BrowserTest {

    @Test
    void adminOpensCockpitAndItRuns() {
        BrowserSupport.signIn(browser, base(), "admin", "demo");
        browser.get(base() + "/camunda/app/cockpit/default/#/processes");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "incident-response"));
        assertThat(browser.getTitle()).contains("Cockpit");
        BrowserSupport.screenshot(browser, "cockpit");
    }
}
