package com.sladesk.credit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.sladesk.BrowserSupport;
import com.sladesk.BrowserTest;
import com.sladesk.TestClock;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationAdmin;
import com.sladesk.organisation.OrganisationDraft;
import com.sladesk.organisation.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #16's browser test: a customer whose contract covers only the API sees last month below target
 * with a "Claim by …" action on the portal, claims it naming the incident and attaching a PDF, and
 * the SRE who verifies the claim sees both.
 */
class ClaimWithEvidenceBrowserTests extends BrowserTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    OrganisationAdmin organisations;

    @Autowired
    Directory directory;

    @Autowired
    com.sladesk.contract.CustomerSla customers;

    @Test
    void aCustomerClaimsAnEligibleMonthWithEvidenceAndTheSreSeesIt() throws IOException {
        // the 5th of the run's month: last month is over and its 30-day claim window open
        TestClock.pin(TestClock.startMonth().atDay(5).atTime(10, 0).toInstant(ZoneOffset.UTC));
        YearMonth lastMonth = TestClock.startMonth().minusMonths(1);
        long vandelay = organisations.create(new OrganisationDraft("Vandelay Industries", new BigDecimal("4000.00"), "USD",
                "ops@vandelay.example", "ap@vandelay.example", List.of("api")), "admin").id();
        directory.createUser("vandelay", "art@vandelay.example", "Latex-Import-Export-1", Role.CUSTOMER, vandelay);
        // twelve hours down on the API: below 99.0% in any month, so 25% or more of 4,000.00 USD
        Instant start = lastMonth.atDay(6).atStartOfDay().toInstant(ZoneOffset.UTC);
        long incident = incidents.backfill(new NewIncident("API gateway down", null, Severity.P1, List.of("api"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), start.plusSeconds(12 * 3600), Cause.INTERNAL, "sre").id();
        Path pdf = Files.createTempFile(Path.of("target"), "gateway-errors", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% gateway error graph\n");

        BrowserSupport.signIn(browser, base(), "vandelay", "Latex-Import-Export-1");
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        var row = browser.findElement(By.cssSelector("#months tr[data-month='" + lastMonth + "']"));
        // other tests may add downtime on the API that month: the figure is read from the engine, at least 25%
        var figures = customers.month(vandelay, lastMonth);
        assertThat(figures.creditPercent()).isGreaterThanOrEqualTo(25);
        assertThat(row.getText()).contains(figures.creditPercent() + "% (" + String.format(java.util.Locale.ROOT, "%,.2f",
                CreditTiers.amount(new BigDecimal("4000.00"), figures.creditPercent())) + " USD)", "Claim by ");
        assertThat(browser.findElement(By.id("covered")).getText()).contains("API Endpoints").doesNotContain("Core Services");
        assertThat(browser.findElement(By.id("my-incidents")).getText()).contains("API gateway down");
        BrowserSupport.screenshot(browser, "customer-portal-months");
        BrowserSupport.clickAndWait(browser, By.cssSelector("#months tr[data-month='" + lastMonth + "'] a.button"));

        assertThat(browser.findElement(By.id("month")).getAttribute("value")).isEqualTo(lastMonth.toString());
        browser.findElement(By.cssSelector("#evidence input[type=checkbox][value='" + incident + "']")).click();
        browser.findElement(By.id("description")).sendKeys("The API gateway was down for twelve hours.");
        browser.findElement(By.id("attachments")).sendKeys(pdf.toAbsolutePath().toString());
        BrowserSupport.clickAndWait(browser, By.cssSelector("#claim-form button[type=submit]"));

        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("SUBMITTED");
        assertThat(browser.findElement(By.id("claim-attachments")).getText()).contains(pdf.getFileName().toString());
        assertThat(browser.findElement(By.id("claim-timeline")).getText()).contains("Submitted by vandelay", "Under verification");
        String claimId = browser.getCurrentUrl().replaceAll(".*/", "");
        BrowserSupport.screenshot(browser, "customer-claim-with-evidence");

        BrowserSupport.clickAndWait(browser, By.cssSelector(".who button"));
        BrowserSupport.signIn(browser, base(), "sre", "demo");
        browser.get(base() + "/sre/credits/" + claimId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Vandelay Industries", lastMonth.toString());
        assertThat(browser.findElement(By.id("claim-incidents")).getText()).contains("#" + incident);
        var link = browser.findElement(By.cssSelector("#claim-attachments a"));
        assertThat(link.getText()).isEqualTo(pdf.getFileName().toString());
        BrowserSupport.screenshot(browser, "sre-claim-with-evidence");
        browser.get(link.getAttribute("href"));
        // the error page's heading is "403 · Forbidden"; the file's own name may hold the digits 403
        assertThat(browser.findElements(By.tagName("h1"))).noneMatch(h -> h.getText().startsWith("403"));
    }
}
