package com.sladesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer claims last month's credit in a real browser; an SRE approves it; the customer sees it applied. */
@Tag("clock")
class CreditClaimBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    CreditTiers tiers;

    @Autowired
    AvailabilityService availability;

    @Test
    void customerClaimIsApprovedBySreAndAppliedWithItsAmount() {
        // the 5th of the run's month: last month is over and its 30-day claim window open
        TestClock.pin(TestClock.startMonth().atDay(5).atTime(10, 0).toInstant(ZoneOffset.UTC));
        YearMonth lastMonth = TestClock.startMonth().minusMonths(1);
        Instant start = lastMonth.atDay(5).atStartOfDay().toInstant(ZoneOffset.UTC);
        long id = incidents.open(new NewIncident("Core services down", null, Severity.P1, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        // twelve hours down: below 99.0% in any month, so at least 25% of 10,000.00 USD (other tests may add more)
        incidents.resolve(id, start.plusSeconds(12 * 3600), Cause.INTERNAL, "sre");
        int percent = tiers.percentFor(availability.month(lastMonth).exactAvailabilityPercent());
        assertThat(percent).isGreaterThanOrEqualTo(25);
        String expected = CreditTiers.amount(new BigDecimal("10000.00"), percent) + " USD";

        BrowserSupport.signIn(browser, base(), "acme", "demo");
        browser.get(base() + "/portal/credits");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("month")), lastMonth.toString());
        browser.findElement(By.id("description")).sendKeys("Core services were down for twelve hours.");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#claim-form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("received");
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("SUBMITTED");
        assertThat(browser.findElement(By.id("credit-amount")).getText()).isEqualTo(expected);
        String claimUrl = browser.getCurrentUrl();
        String claimId = claimUrl.replaceAll(".*/", "");
        BrowserSupport.screenshot(browser, "credit-claim-submitted");

        // a second claim for the same month is refused inline
        browser.get(base() + "/portal/credits");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("month")), lastMonth.toString());
        browser.findElement(By.id("description")).sendKeys("again");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#claim-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("already claimed");

        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/sre/credits/" + claimId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Acme Corp", lastMonth.toString());
        BrowserSupport.screenshot(browser, "credit-verify");
        BrowserSupport.clickAndWait(browser, By.id("approve"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains(expected);
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("APPLIED");
        browser.get(base() + "/credits/ledger");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Acme Corp", expected);

        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), "globex", "demo");
        browser.get(claimUrl);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("404");

        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), "acme", "demo");
        browser.get(claimUrl);
        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("APPLIED");
    }

}
