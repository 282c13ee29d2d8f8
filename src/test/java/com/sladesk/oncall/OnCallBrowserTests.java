package com.sladesk.oncall;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-call page in headless Chromium: an SRE lead makes a schedule (a gap until it has a
 * layer), adds a rotation and an override, and a bad policy line is refused beside its form;
 * a paged person acknowledges from the one-click link without signing in.
 */
class OnCallBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    Escalations escalations;

    @Test
    void aLeadBuildsAScheduleFromTheGapUp() {
        String code = "web-" + System.nanoTime() % 1_000_000;
        BrowserSupport.signIn(browser, base(), "sre2", "demo");
        browser.get(base() + "/oncall");
        browser.findElement(By.cssSelector("#schedule-form input[name=code]")).sendKeys(code);
        browser.findElement(By.cssSelector("#schedule-form input[name=name]")).sendKeys("Web rota");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#schedule-form button"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Schedule " + code + " created");
        WebElement now = browser.findElement(By.id("now-" + code));
        assertThat(now.getAttribute("class")).contains("gap");
        assertThat(now.getText()).contains("nobody (gap)");
        assertThat(browser.findElements(By.cssSelector("#schedule-" + code + " tr.gap"))).isNotEmpty();

        LocalDate lastWeek = TestClock.now().atZone(ZoneOffset.UTC).toLocalDate().minusDays(7);
        String layer = "#layer-form-" + code + " ";
        browser.findElement(By.cssSelector(layer + "input[name=participants]")).sendKeys("sre, sre2");
        value(layer + "input[name=startsOn]", lastWeek.toString());
        value(layer + "input[name=shiftHours]", "24");
        BrowserSupport.clickAndWait(browser, By.cssSelector(layer + "button"));
        assertThat(browser.findElement(By.id("now-" + code)).getAttribute("class")).doesNotContain("gap");
        assertThat(browser.findElement(By.cssSelector("#now-" + code + " .who-now")).getText()).isIn("sre", "sre2");
        assertThat(browser.findElement(By.id("schedule-" + code)).getText()).contains("sre → sre2", "1-day shifts");

        String override = "#override-form-" + code + " ";
        browser.findElement(By.cssSelector(override + "input[name=username]")).sendKeys("leader");
        value(override + "input[name=startsAt]", "2099-01-01T00:00");
        value(override + "input[name=endsAt]", "2098-12-31T00:00");
        BrowserSupport.clickAndWait(browser, By.cssSelector(override + "button"));
        assertThat(browser.findElement(By.id("override-form-" + code + "-error")).getText()).contains("endsAt");
        browser.findElement(By.cssSelector(override + "input[name=username]")).sendKeys("leader");
        value(override + "input[name=startsAt]", "2099-01-01T00:00");
        value(override + "input[name=endsAt]", "2099-01-02T00:00");
        BrowserSupport.clickAndWait(browser, By.cssSelector(override + "button"));
        assertThat(browser.findElement(By.id("schedule-" + code)).getText()).contains("leader: Thu 1 Jan 00:00");
        BrowserSupport.screenshot(browser, "oncall");

        WebElement levels = browser.findElement(By.cssSelector("#policy-form-P4 textarea[name=levels]"));
        levels.clear();
        levels.sendKeys("0 SCHEDULE no-such-schedule");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#policy-form-P4 button"));
        assertThat(browser.findElement(By.id("policy-form-P4-error")).getText())
                .contains("levels[0].target", "does not exist");
    }

    @Test
    void aPagedPersonAcknowledgesFromTheLinkWithoutSigningIn() {
        IncidentView p1 = incidents.open(new NewIncident("Paged in the browser " + System.nanoTime(), null, Severity.P1,
                List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        String link = escalations.issueAckLink(p1.id(), "sre").replaceFirst("^https?://[^/]+", base());
        browser.get(link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acknowledge incident #" + p1.id());
        BrowserSupport.clickAndWait(browser, By.id("acknowledge"));
        assertThat(browser.findElement(By.id("acknowledged")).getText()).contains("acknowledged");
        assertThat(incidents.find(p1.id()).orElseThrow().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        BrowserSupport.screenshot(browser, "oncall-ack");
        browser.get(link);
        assertThat(browser.getPageSource()).contains("410");
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
    }

    private void value(String css, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.cssSelector(css)), value);
    }
}
