package com.sladesk.reporting;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLO dashboard in a real browser: its numbers and both charts drawn by Chart.js. */
@Tag("clock")
class SloDashboardBrowserTests extends BrowserTest {

    @Test
    void leadershipSeesTheDashboardWithItsChartsRendered() {
        BrowserSupport.signIn(browser, base(), "leader", "demo");
        browser.get(base() + "/slo");
        assertThat(browser.findElement(By.id("month-availability")).getText()).endsWith("%");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('budget-chart'))")).isEqualTo(true);
        assertThat(js.executeScript("return !!Chart.getChart(document.getElementById('daily-chart'))")).isEqualTo(true);
        assertThat(((Number) js.executeScript("return Chart.getChart(document.getElementById('daily-chart')).data.labels.length"))
                .intValue()).isPositive();
        BrowserSupport.screenshot(browser, "slo-dashboard");
    }
}
