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
        // the request-based SLOs' budgets, one bar each (the SLA's five at least)
        assertThat(((Number) js.executeScript("return Chart.getChart(document.getElementById('slo-budget-chart')).data.labels.length"))
                .intValue()).isGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.id("dashboard-slos")).getText()).contains("Latency p99 under 200 ms");
        BrowserSupport.screenshot(browser, "slo-dashboard");
    }
}
