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
 * Swagger UI under the pages' content policy: an SRE signed in to SLA Desk opens it in a real
 * browser, it reads the document with the session and lists the API's operations with their roles.
 */
class SwaggerUiBrowserTests extends BrowserTest {

    @Test
    void anSreReadsTheApiInSwaggerUi() {
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/swagger-ui.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("SLA Desk API", "/api/incidents");
        browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .filter(e -> e.getText().equals("/api/credit-requests")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".opblock-body"), "Roles:"));
        BrowserSupport.screenshot(browser, "swagger-ui");
    }
}
