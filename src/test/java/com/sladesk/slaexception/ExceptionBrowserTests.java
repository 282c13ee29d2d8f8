package com.sladesk.slaexception;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** An exception from submission by an SRE, through review by another SRE, to approval by leadership. */
@Tag("clock")
class ExceptionBrowserTests extends BrowserTest {

    @Test
    void exceptionIsSubmittedReviewedByAnotherSreAndApprovedByLeadership() {
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/exceptions/new");
        browser.findElement(By.id("title")).sendKeys("Pause the p95 latency SLO during the data migration");
        browser.findElement(By.id("justification")).sendKeys("The migration must finish before quarter end.");
        browser.findElement(By.id("riskAssessment")).sendKeys("Latency may double for two hours.");
        browser.findElement(By.id("mitigationPlan")).sendKeys("Roll back at the first error spike.");
        for (String criterion : new String[] { "criticalBusinessNeed", "temporaryWorkaround", "customerImpactMinimal",
                "clearTimeline" }) {
            browser.findElement(By.cssSelector("input[name=" + criterion + "][value=true]")).click();
            browser.findElement(By.cssSelector("input[name=" + criterion + "Comment]")).sendKeys("Yes: " + criterion);
        }
        LocalDate start = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC).plusDays(3);
        date("startsOn", start);
        date("endsOn", start.plusDays(1));
        BrowserSupport.clickAndWait(browser, By.cssSelector("#exception-form button[type=submit]"));
        assertThat(browser.findElement(By.id("exception-status")).getText()).isEqualTo("IN_REVIEW");
        String url = browser.getCurrentUrl();

        // the requester may not review their own request: the page says so
        BrowserSupport.clickAndWait(browser, By.id("review-approve"));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("someone else");

        switchTo("sre2");
        browser.get(base() + "/tasks");
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("Review exception request");
        browser.get(url);
        browser.findElement(By.id("review-comment")).sendKeys("Rollback plan is sound");
        BrowserSupport.clickAndWait(browser, By.id("review-approve"));
        assertThat(browser.findElement(By.id("exception-status")).getText()).isEqualTo("AWAITING_APPROVAL");

        switchTo("leader");
        assertThat(Integer.parseInt(browser.findElement(By.id("task-count")).getText())).isPositive();
        browser.get(base() + "/tasks");
        WebElement row = browser.findElements(By.cssSelector("#tasks tbody tr")).stream()
                .filter(r -> r.getText().contains("Approve exception")).findFirst().orElseThrow();
        BrowserSupport.clickAndWait(browser, By.cssSelector("#tasks tr[data-task='" + row.getAttribute("data-task") + "'] form button"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Claimed");
        browser.get(url);
        assertThat(browser.findElements(By.cssSelector("#criteria-missing li"))).as("every criterion yes, with a comment").isEmpty();
        BrowserSupport.clickAndWait(browser, By.id("approve"));
        assertThat(browser.findElement(By.id("exception-status")).getText()).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.id("history")).getText()).contains("submitted by sre",
                "accepted for approval by sre2", "approved by leader");
        BrowserSupport.screenshot(browser, "exception-approved");
    }

    private void switchTo(String user) {
        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), user, "demo");
    }

    private void date(String id, LocalDate value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), value.toString());
    }
}
