/**
 * Incident communication (issue #17): the public side of an incident, apart from the internal
 * record (a public title, a status from investigating to resolved, the affected components each
 * with an impact, a timeline of updates SREs write, an approved postmortem's customer-facing
 * summary), published or not, and telling subscribers of each update through the status page's
 * subscriptions (e-mail, signed webhooks, Slack-compatible webhooks).
 */
@ApplicationModule(displayName = "Incident communication")
package com.sladesk.communication;

import org.springframework.modulith.ApplicationModule;
