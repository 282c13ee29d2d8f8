package com.sladesk.reporting;

import java.time.Instant;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SLA 1, "Allowable Downtime: Per Quarter: 129.6 minutes, Per Year: 8.76 hours": the dashboard's
 * quarter and year each have the period's own length × 0.1% — 129.6 min for a 90-day quarter,
 * 525.6 min (8.76 h) for a 365-day year, and more for longer ones.
 */
@SlaDeskTest
class QuarterAndYearTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aNinetyDayQuarterHas129Point6MinutesAnd365DayYear8Point76Hours() throws Exception {
        TestClock.pin(Instant.parse("2025-02-20T12:00:00Z"));
        Document page = dashboard();
        assertThat(page.select("#period-2025-Q1 .budget").text()).isEqualTo("129.6 min");
        assertThat(page.select("#period-2025 .budget").text()).isEqualTo("525.6 min");
        // the SLOs are columns of the same table
        assertThat(page.select("#periods thead th").eachText()).contains("Availability (successful requests)");
    }

    @Test
    void longerPeriodsHaveLongerBudgets() throws Exception {
        TestClock.pin(Instant.parse("2028-02-29T10:00:00Z"));
        Document page = dashboard();
        // Q1 2028 has 91 days (a leap February), 2028 has 366
        assertThat(page.select("#period-2028-Q1 .budget").text()).isEqualTo("131.0 min");
        assertThat(page.select("#period-2028 .budget").text()).isEqualTo("527.0 min");
    }

    private Document dashboard() throws Exception {
        return Jsoup.parse(mvc.perform(get("/slo").with(user("leader").roles("LEADERSHIP"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
