package com.sladesk.postmortem;

import java.util.List;

import com.sladesk.SlaDeskTest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The postmortem API's answers to bad input, its approval rules and its PDF. */
@SlaDeskTest
class PostmortemApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentService incidents;

    @Test
    void badInputIsNamedAndAnIncompleteDocumentIsNotApproved() throws Exception {
        long id = resolvedP1();
        mvc.perform(get("/api/postmortems/{id}", id).with(httpBasic("leader", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.customerImpact").value(org.hamcrest.Matchers.containsString("Components:** api")));
        // an action item without owner or due date: 400 naming the field, nothing stored
        item(id, "{\"title\": \"Add a canary\", \"dueOn\": \"2099-01-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        item(id, "{\"title\": \"Add a canary\", \"owner\": \"sre\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        item(id, "{\"title\": \"Add a canary\", \"owner\": \"acme\", \"dueOn\": \"2099-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("owner"));
        item(id, "{\"title\": \"Add a canary\", \"owner\": \"sre\", \"dueOn\": \"2099-01-01\", \"link\": \"javascript:alert(1)\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("link"));
        mvc.perform(get("/api/postmortems/{id}", id).with(httpBasic("sre", "demo")))
                .andExpect(jsonPath("$.actionItems.length()").value(0));

        // not without a root cause, not without an action item: 422 naming the field
        mvc.perform(post("/api/postmortems/{id}/submit", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("rootCause"));
        mvc.perform(put("/api/postmortems/{id}", id).with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rootCause\": \"A flag flipped.\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rootCause").value("A flag flipped."));
        mvc.perform(post("/api/incidents/{id}/postmortem", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("actionItems"));
        item(id, "{\"title\": \"Add a canary\", \"owner\": \"leader\", \"dueOn\": \"2099-01-01\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.owner").value("leader"));
        mvc.perform(get("/api/postmortems/action-items").with(httpBasic("leader", "demo")))
                .andExpect(jsonPath("$[?(@.incidentId == " + id + ")].title").value("Add a canary"));
        mvc.perform(post("/api/incidents/{id}/postmortem", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));

        // only an SRE lead approves
        mvc.perform(post("/api/postmortems/{id}/review", id).with(httpBasic("sre", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approved\": true}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/postmortems/{id}/review", id).with(httpBasic("sre2", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approved\": true}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(get("/api/incidents/{id}", id).with(httpBasic("sre", "demo")))
                .andExpect(jsonPath("$.postmortemDoneAt").isNotEmpty());

        byte[] pdf = mvc.perform(get("/postmortems/{id}.pdf", id).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("leader").roles("LEADERSHIP")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void markdownIsRenderedWithRawHtmlEscapedAndUnsafeLinksDropped() {
        String html = Markdown.html("**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://example.org)");
        assertThat(html).contains("<strong>bold</strong>", "&lt;img src=x onerror=alert(1)&gt;", "href=\"https://example.org\"")
                .doesNotContain("<img", "javascript:");
    }

    private long resolvedP1() {
        IncidentView p1 = incidents.open(new NewIncident("Checkout down " + System.nanoTime(), null, Severity.P1,
                List.of("api"), Environment.PRODUCTION, Impact.OUTAGE, null, null), "sre");
        incidents.acknowledge(p1.id(), "sre");
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
        return p1.id();
    }

    private org.springframework.test.web.servlet.ResultActions item(long id, String json) throws Exception {
        return mvc.perform(post("/api/postmortems/{id}/action-items", id).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
