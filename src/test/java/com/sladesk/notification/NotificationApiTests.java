package com.sladesk.notification;

import java.util.List;
import java.util.Map;

import com.sladesk.SlaDeskTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SlaDeskTest
class NotificationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    TestRestTemplate http;

    @Test
    void listsNewestFirstFilteredByRecipientAndStatus() throws Exception {
        String recipient = "filter-" + System.nanoTime() + "@acme.example";
        long first = notifications.queue(recipient, "first", "message", Map.of("heading", "first", "lines", List.of()));
        long second = notifications.queue(recipient, "second", "message", Map.of("heading", "second", "lines", List.of()));

        mvc.perform(get("/api/notifications").param("recipient", recipient).param("status", "PENDING")
                .with(httpBasic("sre", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value(second))
                .andExpect(jsonPath("$[1].id").value(first))
                .andExpect(jsonPath("$[0].recipient").value(recipient))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts").value(0));

        mvc.perform(get("/api/notifications").param("recipient", recipient).param("status", "SENT")
                .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void unknownStatusIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/notifications").param("status", "LOST").with(httpBasic("sre", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].rule").value("format"));
    }

    @Test
    void limitOutOfRangeIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/notifications").param("limit", "0").with(httpBasic("sre", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
    }

    @Test
    void unknownNotificationIsA404Problem() throws Exception {
        mvc.perform(get("/api/notifications/987654321").with(httpBasic("sre", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void onlyAdminMayRetryAndASentOneIsAConflict() throws Exception {
        long id = notifications.queue("retry@acme.example", "retry", "message", Map.of("heading", "r", "lines", List.of()));
        mvc.perform(post("/api/notifications/{id}/retry", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/{id}/retry", id).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void unknownApiPathIsA404ProblemOverRealHttp() {
        var response = http.withBasicAuth("sre", "demo").getForEntity("/api/no-such-thing", String.class);
        Assertions.assertThat(response.getStatusCode().value()).isEqualTo(404);
        Assertions.assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Assertions.assertThat(response.getBody()).doesNotContain("Exception").contains("\"status\":404");
    }
}
