package com.sladesk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The sender address and the base URL that links in mails point to. */
@ConfigurationProperties("sladesk.mail")
record MailProperties(@DefaultValue("sla-desk@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
