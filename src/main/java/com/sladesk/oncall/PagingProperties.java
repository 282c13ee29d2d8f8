package com.sladesk.oncall;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sladesk.paging.*}: the SMS and voice providers' webhooks (a URL and a JSON body
 * template with {@code {to}}, {@code {message}} and {@code {key}}, each filled JSON-escaped),
 * PagerDuty's Events API v2 endpoint, and the environments whose incidents page nobody.
 */
@ConfigurationProperties("sladesk.paging")
record PagingProperties(Provider sms, Provider voice,
        @DefaultValue("https://events.pagerduty.com/v2/enqueue") String pagerdutyUrl,
        @DefaultValue("staging") List<String> quietEnvironments) {

    record Provider(String url,
            @DefaultValue("{\"to\":\"{to}\",\"message\":\"{message}\",\"idempotency_key\":\"{key}\"}") String bodyTemplate) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    PagingProperties {
        sms = sms == null ? new Provider(null, null) : sms;
        voice = voice == null ? new Provider(null, null) : voice;
    }
}
