package com.sladesk.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sladesk.DatabaseSwitch;
import com.sladesk.SlaDeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database out of reach, in the JVM (the process-level drill stops PostgreSQL itself): the API
 * answers 503 problem+json with {@code Retry-After} for reads and writes, a page answers the 503
 * page with the same header, nothing is half-written, and all is well once the database is back.
 */
@SlaDeskTest
class DatabaseOutageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @AfterEach
    void databaseBack() {
        DatabaseSwitch.up();
    }

    @Test
    void apiAndPagesAnswer503WithRetryAfterAndWriteNothing() throws Exception {
        signInToPages("sre", "demo");
        long incidents = jdbc.queryForObject("select count(*) from incident", Long.class);

        DatabaseSwitch.down();
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/incidents")).header("Authorization", basic("sre"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "During the outage", "severity": "P2", "components": ["core"],
                         "environment": "production", "impact": "outage"}""")));
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/incidents?limit=5")).header("Authorization", basic("sre")));
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/sre/incidents")).header("Accept", "text/html"));
        DatabaseSwitch.up();

        for (HttpResponse<String> api : List.of(write, read)) {
            assertThat(api.statusCode()).as(api.uri().toString()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503").contains("problems/unavailable");
        }
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("503").contains("nothing was changed");

        assertThat(jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(incidents);
        assertThat(send(HttpRequest.newBuilder(uri("/sre/incidents")).header("Accept", "text/html")).statusCode()).isEqualTo(200);
    }

    private void signInToPages(String user, String password) throws Exception {
        String login = send(HttpRequest.newBuilder(uri("/login"))).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
