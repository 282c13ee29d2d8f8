package com.sladesk.portal;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser signs in as a customer and as an SRE, and is kept out where its role does not reach. */
@Tag("clock")
class HomePageBrowserTests extends BrowserTest {

    @Test
    void customerSeesTheirOrganisationsHomePage() {
        BrowserSupport.signIn(browser, base(), "acme", "demo");
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acme Corp");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("10,000.00 USD");
        assertThat(browser.getPageSource()).doesNotContain("SRE desk");
        BrowserSupport.screenshot(browser, "customer-home");

        browser.get(base() + "/sre");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
    }

    @Test
    void sreSeesTheSreDesk() {
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        assertThat(browser.getCurrentUrl()).endsWith("/sre");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SRE desk");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Core Services", "API Endpoints");
        BrowserSupport.screenshot(browser, "sre-home");
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        browser.get(base() + "/sre");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        BrowserSupport.signIn(browser, base(), "sre", "wrong");
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("wrong password");
    }

}
