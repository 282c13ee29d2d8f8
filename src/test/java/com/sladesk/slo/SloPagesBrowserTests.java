package com.sladesk.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLO pages in a real browser: an SRE sees the SLA's SLOs, creates one (a bad target is
 * refused inline, naming the field), and its page draws the SLI and budget charts from the stored
 * minutes, with the minutes without data listed.
 */
class SloPagesBrowserTests extends BrowserTest {

    @Autowired
    SloStore store;

    @Test
    void anSreCreatesAnSloAndReadsItsChartsAndGaps() {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.MINUTES);
        TestClock.pin(now.plusSeconds(30));
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/slos");
        assertThat(browser.findElement(By.id("slos")).getText()).contains("Availability (successful requests)",
                "Latency p99 under 200 ms", "Error rate under 0.1%");
        String name = "checkout-" + System.nanoTime() % 100000;
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("displayName")).sendKeys("Checkout success");
        browser.findElement(By.id("service")).sendKeys("checkout");
        browser.findElement(By.id("events")).sendKeys("sum(checkout_success_total)");
        browser.findElement(By.id("total")).sendKeys("sum(checkout_total)");
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("100");
        browser.findElement(By.id("window")).clear();
        browser.findElement(By.id("window")).sendKeys("1d");
        browser.findElement(By.cssSelector("#slo-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("form-error")).getText()).startsWith("target:");
        // what was typed is still there
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("99");
        browser.findElement(By.cssSelector("#slo-form button[type=submit]")).click();
        // the list page stays until the SLO's own page has loaded: wait for it, not for any h1
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Checkout success"));

        // a day of minutes: 100 events a minute, 2 bad, and the last ten minutes without data
        long id = store.findByName(name).orElseThrow().id();
        List<SloStore.Minute> minutes = new ArrayList<>();
        for (int back = 1439; back >= 0; back--) {
            Instant end = now.minus(Duration.ofMinutes(back));
            minutes.add(back < 10 ? new SloStore.Minute(end, null, null, "unreachable") : new SloStore.Minute(end, 98.0, 100.0, null));
        }
        store.store(id, minutes);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("slo-sli")).getText()).isEqualTo("98.000000%");
        assertThat(browser.findElement(By.id("slo-gaps")).getText()).isEqualTo("10 min");
        assertThat(browser.findElement(By.id("gaps")).getText()).contains("10");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('sli-chart'))")).isEqualTo(true);
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('consumed-chart'))")).isEqualTo(true);
        BrowserSupport.screenshot(browser, "slo-detail");
        browser.findElement(By.cssSelector("#retire-form button")).click();
        assertThat(browser.findElement(By.id("slos")).getText()).doesNotContain("Checkout success");
    }
}
