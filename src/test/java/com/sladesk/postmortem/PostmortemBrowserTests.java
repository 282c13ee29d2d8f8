package com.sladesk.postmortem;

import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A P1's postmortem written by an SRE in the browser, refused while incomplete, and approved by the SRE lead. */
class PostmortemBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Test
    void anSreWritesThePostmortemAndTheSreLeadApprovesIt() {
        IncidentView p1 = incidents.open(new NewIncident("Checkout down in the browser " + System.nanoTime(), null,
                Severity.P1, List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        incidents.acknowledge(p1.id(), "sre");
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");

        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/sre/incidents/" + p1.id());
        BrowserSupport.clickAndWait(browser, By.id("postmortem-link"));
        assertThat(browser.findElement(By.id("postmortem-status")).getText()).isEqualTo("DRAFT");
        assertThat(browser.findElement(By.id("customer-impact")).getText()).contains("Components: api");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("acknowledged (sre)");

        // sent to review empty: the page names what is missing
        BrowserSupport.clickAndWait(browser, By.id("submit-review"));
        assertThat(browser.findElement(By.id("rootCause-error")).getText()).contains("root cause");

        text("summary-text", "Checkout failed for **20 minutes**. <script>window.pwned = true</script>");
        text("root-cause-text", "A feature flag was flipped in production.\n\n- no canary\n- no alert on the flag");
        BrowserSupport.clickAndWait(browser, By.id("save"));
        assertThat(browser.findElement(By.cssSelector("#summary strong")).getText()).isEqualTo("20 minutes");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("<script>window.pwned = true</script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#root-cause li"))).hasSize(2);

        BrowserSupport.clickAndWait(browser, By.id("submit-review"));
        assertThat(browser.findElement(By.id("actionItems-error")).getText()).contains("action item");

        // an action item without an owner is refused inline, keeping what was typed
        browser.findElement(By.id("item-title")).sendKeys("Add a canary stage");
        date("item-due", "2099-01-15");
        BrowserSupport.clickAndWait(browser, By.id("add-action-item"));
        assertThat(browser.findElement(By.id("owner-error")).getText()).contains("owner");
        assertThat(browser.findElement(By.id("item-title")).getAttribute("value")).isEqualTo("Add a canary stage");
        browser.findElement(By.id("item-owner")).sendKeys("sre");
        date("item-due", "2099-01-15");
        BrowserSupport.clickAndWait(browser, By.id("add-action-item"));
        assertThat(browser.findElement(By.id("action-items")).getText()).contains("Add a canary stage", "sre", "2099-01-15", "OPEN");

        BrowserSupport.clickAndWait(browser, By.id("submit-review"));
        assertThat(browser.findElement(By.id("postmortem-status")).getText()).isEqualTo("IN_REVIEW");
        assertThat(browser.findElements(By.id("approve"))).isEmpty(); // sre is not an SRE lead
        String url = browser.getCurrentUrl();

        switchTo("sre2");
        browser.get(base() + "/tasks");
        WebElement task = browser.findElements(By.cssSelector("#tasks tbody tr")).stream()
                .filter(r -> r.getText().contains("Review postmortem")).findFirst().orElseThrow();
        assertThat(task.findElement(By.cssSelector("a")).getAttribute("href")).contains("/postmortems/");
        browser.get(url);
        browser.findElement(By.id("review-comment-text")).sendKeys("Clear and blameless.");
        BrowserSupport.clickAndWait(browser, By.id("approve"));
        assertThat(browser.findElement(By.id("postmortem-status")).getText()).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.id("approved-by")).getText()).contains("sre2");
        BrowserSupport.screenshot(browser, "postmortem-approved");

        browser.get(base() + "/postmortems");
        assertThat(browser.findElement(By.id("postmortem-" + p1.id())).getText()).contains("APPROVED");
    }

    private void text(String id, String value) {
        WebElement area = browser.findElement(By.id(id));
        area.clear();
        area.sendKeys(value);
    }

    private void switchTo(String user) {
        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), user, "demo");
    }

    private void date(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }
}
