package com.sladesk.drill;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.DrillResults;
import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.notification.MailDelivery;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The other half of the hostile-input drill: valid requests whose text carries injection strings
 * (HTML, SQL, a CSV formula, a header line break, Unicode controls, the longest text a field takes)
 * are stored exactly, and every place that shows them back shows text, never markup, a formula or
 * a header: the pages, the report's CSV and PDF, the Atom and iCalendar feeds and the mails.
 */
@SlaDeskTest
@Tag("drill")
@Tag("clock")
class InjectionReadBackDrillTests {

    static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String SQL = "Robert'); DROP TABLE incident; --";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String HEADER = "Patch\r\nX-Injected: 1";
    static final String CONTROLS = "\u202Eevil\u0007 \u200Bzero";
    static final List<String> PAYLOADS = List.of(HTML, SQL, FORMULA, HEADER, CONTROLS);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate http;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void injectionStringsAreStoredExactlyAndShownBackAsTextEverywhere() throws Exception {
        // Monday 2 March 2037; the windows are on Sunday 15 March, 02:00–04:00
        TestClock.pin(Instant.parse("2037-03-02T10:00:00Z"));
        List<Long> incidents = new ArrayList<>();
        List<Long> windows = new ArrayList<>();
        String longest = (HTML + SQL).repeat(200).substring(0, 10_000);
        for (String payload : PAYLOADS) {
            Map<?, ?> incident = created(post("/api/incidents", Map.of("title", payload, "description", longest,
                    "severity", "P3", "components", List.of("core"), "environment", "production", "impact", "degraded")));
            assertThat(incident.get("title")).isEqualTo(payload.strip());
            assertThat(incident.get("description")).isEqualTo(longest);
            incidents.add(((Number) incident.get("id")).longValue());
            Map<?, ?> window = created(post("/api/maintenance", Map.of("title", payload, "description", payload,
                    "type", "standard", "startsAt", "2037-03-15T02:00:00Z", "endsAt", "2037-03-15T04:00:00Z",
                    "components", List.of("core"), "activities", List.of("security_patch"))));
            assertThat(window.get("title")).isEqualTo(payload.strip());
            windows.add(((Number) window.get("id")).longValue());
        }

        // NUL, which PostgreSQL cannot store, is refused on every database, naming the field
        ResponseEntity<Map> nul = post("/api/incidents", Map.of("title", "NUL\u0000here", "severity", "P3",
                "components", List.of("core"), "environment", "production", "impact", "degraded"));
        assertThat(nul.getStatusCode().value()).isEqualTo(400);
        assertThat(((List<Map<String, Object>>) nul.getBody().get("errors")).get(0)).containsEntry("field", "title")
                .containsEntry("rule", "format");

        // pages: the text is there, as text
        MockHttpSession sre = signIn("sre");
        List<String> pages = new ArrayList<>(List.of("/sre/incidents", "/sre/maintenance", "/status", "/status/maintenance"));
        incidents.forEach(id -> pages.add("/sre/incidents/" + id));
        for (String page : pages) {
            Document html = Jsoup.parse(mvc.perform(get(page).session(sre)).andReturn().getResponse().getContentAsString());
            assertThat(html.select("script:not([src]):not([type=application/json])")).as(page).isEmpty();
            assertThat(html.select("img[onerror], [onload], [onclick]")).as(page).isEmpty();
        }
        assertThat(Jsoup.parse(mvc.perform(get("/sre/incidents/" + incidents.get(0)).session(sre)).andReturn()
                .getResponse().getContentAsString()).text()).contains(HTML);

        // feeds
        String atom = http.getForObject("/status/feed.atom", String.class);
        Document feed = Jsoup.parse(atom, "", Parser.xmlParser());
        List<String> titles = feed.select("entry > title").eachText();
        assertThat(titles).anyMatch(t -> t.contains(HTML)).anyMatch(t -> t.contains(SQL)).anyMatch(t -> t.contains(FORMULA));
        assertThat(feed.select("script, img")).isEmpty();
        String ics = http.getForObject("/maintenance.ics", String.class);
        assertThat(ics.lines()).noneMatch(line -> line.startsWith("X-Injected"));
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new StringReader(ics));
        List<String> summaries = calendar.getComponents("VEVENT").stream()
                .map(e -> e.getProperty("SUMMARY").map(p -> p.getValue()).orElse("")).toList();
        assertThat(summaries).anyMatch(t -> t.contains(HTML)).anyMatch(t -> t.contains(FORMULA))
                .anyMatch(t -> t.contains("X-Injected: 1"));

        // mails: the notices to subscribers carry the title as text and no extra header
        MailDelivery.deliverAll(context);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).isNotEmpty();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mails) {
            assertThat(mail.getHeader("X-Injected")).as(mail.getSubject()).isNull();
            subjects.add(mail.getSubject());
            // plain text may say <script> as it is; the HTML part must say it as text
            String html = htmlPart(mail.getContent());
            assertThat(html).as(mail.getSubject()).isNotNull();
            Document body = Jsoup.parse(html);
            assertThat(body.select("script, img[onerror]")).as(mail.getSubject()).isEmpty();
            if (mail.getSubject().contains(HTML)) {
                assertThat(body.text()).contains(HTML);
            }
        }
        assertThat(subjects).anyMatch(s -> s.contains(HTML)).anyMatch(s -> s.contains("Patch X-Injected: 1"));

        // the month's report, once the windows were held
        TestClock.pin(Instant.parse("2037-03-15T05:00:00Z"));
        for (Job job; (job = dueJob(windows)) != null;) {
            management.executeJob(job.getId());
        }
        MockHttpSession leader = signIn("leader");
        String csv = mvc.perform(get("/reports/2037-03.csv").session(leader)).andReturn().getResponse().getContentAsString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        List<String> held = rows.stream().filter(r -> r.get("section").equals("maintenance held")).map(r -> r.get("item")).toList();
        assertThat(held).hasSize(PAYLOADS.size());
        assertThat(held).anyMatch(cell -> cell.startsWith("'" + FORMULA));
        assertThat(rows).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("@")));
        byte[] pdf = mvc.perform(get("/reports/2037-03.pdf").session(leader)).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("<script>alert('x')</script>").contains("DROP TABLE incident");
        }
        Document report = Jsoup.parse(mvc.perform(get("/reports/2037-03").session(leader)).andReturn().getResponse().getContentAsString());
        assertThat(report.text()).contains(HTML);
        assertThat(report.select("script:not([src]):not([type=application/json]), img[onerror]")).isEmpty();
        DrillResults.record("Injection read-back drill", PAYLOADS.size() + " injection strings in "
                + incidents.size() + " incidents and " + windows.size() + " maintenance windows, stored exactly; shown as text on "
                + pages.size() + " pages, the Atom and iCalendar feeds, " + mails.length + " mails, the report page, CSV ("
                + held.size() + " cells, formulas neutralised) and PDF; NUL refused with 400");
    }

    private static String htmlPart(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType("text/html") ? (String) part.getContent() : htmlPart(part.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The earliest due job of these windows' notification processes, or null. */
    private Job dueJob(List<Long> windows) {
        return windows.stream().flatMap(w -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(w))
                        .list().stream())
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().list().stream())
                .min(Comparator.comparing(Job::getDuedate)).orElse(null);
    }

    private MockHttpSession signIn(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo")).andReturn().getRequest().getSession();
    }

    private ResponseEntity<Map> post(String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("sre", "demo").postForEntity(path, new HttpEntity<>(body, headers), Map.class);
    }

    private static Map<?, ?> created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }
}
