package com.sladesk.notification;

/**
 * How a notification travels. {@link #EMAIL} goes through SMTP; the others are an HTTP POST of a
 * stored body to a stored URL: a provider's SMS or voice webhook, a Slack-compatible incoming
 * webhook, PagerDuty's Events API v2, or a subscriber's webhook.
 */
public enum Channel {
    EMAIL, SMS, VOICE, SLACK, PAGERDUTY, WEBHOOK;

    public boolean overHttp() {
        return this != EMAIL;
    }
}
