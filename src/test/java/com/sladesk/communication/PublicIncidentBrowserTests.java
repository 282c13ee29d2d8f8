package com.sladesk.communication;

import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 in a real browser: an SRE publishes an incident Alertmanager opened, then tells its
 * story on the incident page (identified, monitoring, resolved), a refused update keeps its text
 * and says why; a visitor, signed in as nobody, follows it on the public page to resolved and
 * sees the status page's groups collapse and open.
 */
class PublicIncidentBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    com.sladesk.catalogue.ComponentCatalogue catalogue;

    String code;

    @Test
    void anSreTellsTheStoryAndAVisitorFollowsItToResolved() {
        // a group and a component of this test's own: other tests leave incidents open on the demo's
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String group = "Storage " + run;
        code = "store-" + run;
        catalogue.createGroup(group, "admin");
        catalogue.add(code, "Object Store " + run, null, false);
        catalogue.change(code, new com.sladesk.catalogue.ComponentDraft(null, "Object Store " + run, null, false, group), "admin");
        IncidentView incident = incidents.open(new NewIncident("Alert: store 5xx " + System.nanoTime(), "node 7 disk full",
                Severity.P2, List.of(code), Environment.PRODUCTION, Impact.OUTAGE, null, null), PublicIncidents.ALERTMANAGER);
        WebDriver visitor = BrowserSupport.start();
        try {
            visitor.get(base() + "/status/incidents/" + incident.id());
            assertThat(visitor.getPageSource()).doesNotContain(incident.title());

            BrowserSupport.signIn(browser, base(), "sre", "demo");
            browser.get(base() + "/sre/incidents/" + incident.id());
            assertThat(browser.findElement(By.id("public-unpublished")).getText()).contains("Not public");
            WebElement title = browser.findElement(By.id("public-title"));
            title.clear();
            title.sendKeys("Object Store errors");
            post("investigating", "We are looking into errors on the object store.", "partial_outage");
            assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("public");

            visitor.get(base() + "/status/incidents/" + incident.id());
            assertThat(visitor.findElement(By.id("incident-title")).getText()).isEqualTo("Object Store errors");
            assertThat(visitor.findElement(By.id("incident-status")).getText()).isEqualTo("Investigating");
            assertThat(visitor.findElement(By.id("affected")).getText()).contains("Object Store " + run, "partial outage");
            assertThat(visitor.getPageSource()).doesNotContain("node 7 disk full").doesNotContain("Alert: store 5xx");

            // a refused update comes back with its text and the rule
            browser.findElement(By.id("public-message")).sendKeys("Not yet");
            new Select(browser.findElement(By.id("impact-" + code))).selectByValue("major_outage");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.getElementById('public-status').innerHTML += '<option value=\"fixed\">Fixed</option>';"
                            + "document.getElementById('public-status').value = 'fixed';");
            BrowserSupport.clickAndWait(browser, By.id("public-submit"));
            assertThat(browser.findElement(By.id("public-error")).getText()).contains("status", "fixed");
            assertThat(browser.findElement(By.id("public-message")).getAttribute("value")).isEqualTo("Not yet");

            post("identified", "A full disk on one node.\nWe are moving its data.", "major_outage");
            post("monitoring", "Data moved; watching error rates.", "degraded_performance");
            BrowserSupport.screenshot(browser, "incident-public-side");
            visitor.get(base() + "/status");
            assertThat(visitor.findElement(By.cssSelector("#incidents [data-incident='" + incident.id() + "']")).getText())
                    .contains("Object Store errors", "Monitoring", "watching error rates");
            WebElement platform = visitor.findElement(By.cssSelector("tbody[data-group='" + group + "'] .group-row"));
            assertThat(platform.getText()).contains(group, "degraded performance");
            assertThat(visitor.findElement(By.cssSelector("tr[data-component='" + code + "']")).isDisplayed())
                    .as("a group with a problem starts open").isTrue();
            BrowserSupport.screenshot(visitor, "status-page-incident");

            post("resolved", "Error rates are back to normal.", "degraded_performance");
            visitor.get(base() + "/status/incidents/" + incident.id());
            assertThat(visitor.findElement(By.id("incident-status")).getText()).isEqualTo("Resolved");
            List<WebElement> updates = visitor.findElements(By.cssSelector("#updates li"));
            assertThat(updates).extracting(u -> u.findElement(By.tagName("strong")).getText())
                    .containsExactly("Resolved", "Monitoring", "Identified", "Investigating");
            assertThat(updates.get(2).findElement(By.className("public-text")).getText())
                    .as("line breaks kept, as text").isEqualTo("A full disk on one node.\nWe are moving its data.");
            BrowserSupport.screenshot(visitor, "status-incident");

            visitor.get(base() + "/status");
            WebElement toggle = visitor.findElement(By.cssSelector("tbody[data-group='" + group + "'] button.group-toggle"));
            assertThat(toggle.getAttribute("aria-expanded")).as("an operational group starts closed").isEqualTo("false");
            assertThat(visitor.findElement(By.cssSelector("tr[data-component='" + code + "']")).isDisplayed()).isFalse();
            toggle.click();
            assertThat(visitor.findElement(By.cssSelector("tr[data-component='" + code + "']")).isDisplayed()).isTrue();
            visitor.findElement(By.id("history-link")).click();
            assertThat(visitor.findElement(By.id("history")).getText()).contains("Object Store errors");
        }
        finally {
            visitor.quit();
        }
    }

    private void post(String status, String message, String dataImpact) {
        new Select(browser.findElement(By.id("public-status"))).selectByValue(status);
        WebElement text = browser.findElement(By.id("public-message"));
        text.clear();
        text.sendKeys(message);
        new Select(browser.findElement(By.id("impact-" + code))).selectByValue(dataImpact);
        BrowserSupport.clickAndWait(browser, By.id("public-submit"));
        assertThat(browser.findElements(By.id("public-error"))).isEmpty();
    }
}
