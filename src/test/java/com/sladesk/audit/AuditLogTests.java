package com.sladesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every decision is in the audit log with who and when; only ADMIN reads it. */
@SlaDeskTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void acknowledgeAndResolveAreRecordedWithWhoAndWhen() throws Exception {
        String body = mvc.perform(post("/api/incidents").with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Audit me\",\"severity\":\"P3\",\"components\":[\"core\"],"
                        + "\"environment\":\"production\",\"impact\":\"degraded\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(post("/api/incidents/{id}/acknowledge", id).with(httpBasic("sre2", "demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/incidents/{id}/resolve", id).with(httpBasic("sre", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"cause\":\"internal\"}"))
                .andExpect(status().isOk());
        // a refused decision leaves no entry
        mvc.perform(post("/api/incidents/{id}/acknowledge", id).with(httpBasic("sre", "demo")))
                .andExpect(status().isConflict());

        JsonNode entries = json.readTree(mvc.perform(get("/api/audit").param("subjectType", "incident")
                .param("subjectId", String.valueOf(id)).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // newest first; the incident's public side (#17) is published at the open and resolved with it
        assertThat(entries).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
                .containsExactly("public-update by sre", "resolve by sre", "acknowledge by sre2", "publish by sre");
        assertThat(entries.get(1).get("action").asText()).isEqualTo("resolve");
        assertThat(entries.get(1).get("actor").asText()).isEqualTo("sre");
        assertThat(entries.get(2).get("action").asText()).isEqualTo("acknowledge");
        assertThat(entries.get(2).get("actor").asText()).isEqualTo("sre2");
        assertThat(entries.get(2).get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        var admin = (MockHttpSession) mvc.perform(
                SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user("admin").password("demo")).andReturn().getRequest().getSession();
        String page = mvc.perform(get("/admin/audit").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("acknowledge").contains("incident " + id);
    }

    @Test
    void onlyAdminReadsTheLog() throws Exception {
        for (String user : new String[] { "sre", "leader", "cto", "acme" }) {
            mvc.perform(get("/api/audit").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
    }
}
