package com.sladesk.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The public status page and the SRE's maintenance form, in a real browser. */
@Tag("clock")
class StatusPageBrowserTests extends BrowserTest {

    @Test
    void anyoneSeesTheStatusPageAndCanSubscribe() {
        browser.get(base() + "/status");
        assertThat(browser.findElement(By.id("overall")).getText()).isNotBlank();
        // groups open on a click (an operational one starts closed): then every component shows
        for (WebElement toggle : browser.findElements(By.cssSelector("button.group-toggle[aria-expanded=false]"))) {
            toggle.click();
        }
        List<WebElement> rows = browser.findElements(By.cssSelector("#components tr[data-component]"));
        assertThat(rows).extracting(WebElement::getText).anyMatch(t -> t.contains("Core Services"));
        assertThat(rows).allSatisfy(row -> assertThat(row.isDisplayed()).isTrue());
        assertThat(rows.get(0).findElements(By.cssSelector(".uptime-bar .day"))).hasSize(90);
        BrowserSupport.screenshot(browser, "status-page");

        browser.findElement(By.id("email")).sendKeys("browser-subscriber@example.org");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#subscribe-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("confirm");
    }

    @Test
    void sreSeesTheMaintenanceRulesAsTheyType() {
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/sre/maintenance");
        browser.findElement(By.id("title")).sendKeys("Too soon");
        LocalDate sunday = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        setValue("startsAt", sunday + "T02:00");
        setValue("endsAt", sunday + "T03:00");
        check("input[type=checkbox][value=core]");
        check("input[type=checkbox][value=SECURITY_PATCH]");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("rule-check")).getText().contains("standard maintenance needs 7 days"));

        BrowserSupport.clickAndWait(browser, By.cssSelector("#maintenance-form button[type=submit]"));
        assertThat(browser.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("standard maintenance needs 7 days"));

        LocalDate later = sunday.plusWeeks(2);
        setValue("startsAt", later + "T02:00");
        setValue("endsAt", later + "T04:00");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#maintenance-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("scheduled and announced");
        assertThat(browser.findElement(By.id("windows")).getText()).contains("Too soon");
        BrowserSupport.screenshot(browser, "maintenance-sre");
    }

    /** Ticks a box by script: the as-you-type check may be re-reading the form at that moment. */
    private void check(String css) {
        ((JavascriptExecutor) browser).executeScript(
                "var box = document.querySelector(arguments[0]); box.checked = true;"
                        + " box.dispatchEvent(new Event('change', {bubbles: true}));", css);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.findElement(By.id(id)), value);
    }
}
