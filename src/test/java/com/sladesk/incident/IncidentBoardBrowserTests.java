package com.sladesk.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An SRE works an incident in a real browser: the board, the form, the countdowns, the actions. */
@Tag("clock")
class IncidentBoardBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Test
    void sreOpensAcknowledgesAndResolvesAnIncidentFromTheBoard() {
        // a breached P1 from two hours ago, which must come first on the board
        IncidentView breached = incidents.open(new NewIncident("Data store unreachable", null, Severity.P1,
                List.of("data"), Environment.PRODUCTION, Impact.OUTAGE, TestClock.now().minus(Duration.ofHours(2)), null),
                "sre2");
        incidents.recordSlaEvent(breached.id(), SlaTarget.RESPONSE, SlaEventKind.BREACH);

        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/sre/incidents/new");
        BrowserSupport.clickAndWait(browser, By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("must not be blank"));

        browser.findElement(By.id("title")).sendKeys("Checkout latency above 200 ms");
        new Select(browser.findElement(By.id("severity"))).selectByVisibleText("P3");
        browser.findElement(By.cssSelector("input[type=checkbox][value=api]")).click();
        new Select(browser.findElement(By.id("impact"))).selectByVisibleText("degraded");
        BrowserSupport.clickAndWait(browser, By.cssSelector("form.form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("opened");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("OPEN");
        String id = browser.getCurrentUrl().replaceAll(".*/", "");

        browser.get(base() + "/sre/incidents");
        List<WebElement> rows = browser.findElements(By.cssSelector("#board tbody tr"));
        List<String> order = rows.stream().map(r -> r.getAttribute("data-incident")).toList();
        List<Boolean> breachedRows = rows.stream().map(r -> r.getAttribute("class").contains("breached")).toList();
        // breached incidents first, whatever else other tests left open
        assertThat(breachedRows.indexOf(false) < 0 || !breachedRows.subList(breachedRows.indexOf(false), breachedRows.size())
                .contains(true)).isTrue();
        assertThat(order.indexOf(String.valueOf(breached.id()))).isLessThan(order.indexOf(id));
        WebElement mine = browser.findElement(By.cssSelector("#board tr[data-incident='" + id + "']"));
        WebElement breachedRow = browser.findElement(By.cssSelector("#board tr[data-incident='" + breached.id() + "']"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> mine.findElement(By.cssSelector(".countdown")).getText().startsWith("in 7h"));
        assertThat(breachedRow.findElement(By.cssSelector(".countdown")).getText()).startsWith("overdue by");
        BrowserSupport.screenshot(browser, "incident-board");

        BrowserSupport.clickAndWait(browser, By.cssSelector("#board tr[data-incident='" + id + "'] a"));
        BrowserSupport.clickAndWait(browser, By.id("acknowledge"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("ACKNOWLEDGED");
        BrowserSupport.clickAndWait(browser, By.id("pause"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("WAITING FOR CUSTOMER");
        BrowserSupport.clickAndWait(browser, By.id("resume"));
        new Select(browser.findElement(By.id("cause"))).selectByVisibleText("customer");
        BrowserSupport.clickAndWait(browser, By.id("resolve"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("RESOLVED");
        assertThat(browser.findElements(By.cssSelector(".timeline li"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("acknowledged by sre"))
                .anyMatch(t -> t.contains("resolved by sre"));
        BrowserSupport.screenshot(browser, "incident-detail");
    }

    @Test
    void customersDoNotSeeTheBoard() {
        BrowserSupport.signIn(browser, base(), "acme", "demo");
        browser.get(base() + "/sre/incidents");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
    }

}
