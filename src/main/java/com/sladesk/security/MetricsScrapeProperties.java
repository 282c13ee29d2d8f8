package com.sladesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** A Prometheus scrape user for {@code /actuator/prometheus}; off when no username is set. */
@ConfigurationProperties("sladesk.metrics")
record MetricsScrapeProperties(String scrapeUsername, String scrapePassword) {

    boolean enabled() {
        return scrapeUsername != null && !scrapeUsername.isBlank() && scrapePassword != null
                && !scrapePassword.isBlank();
    }
}
