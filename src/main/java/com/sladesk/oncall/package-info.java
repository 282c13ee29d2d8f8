/**
 * Escalations that reach a person (SLA "Escalation matrix"): on-call schedules (layers of
 * rotations, overrides), an escalation policy per severity run as the {@code escalation-chain}
 * process, people's paging channels (e-mail, SMS and voice through a provider webhook, a
 * Slack-compatible webhook) and PagerDuty Events v2, all through the notification outbox, and
 * one-click acknowledge links.
 */
@ApplicationModule(displayName = "On call and escalation")
package com.sladesk.oncall;

import org.springframework.modulith.ApplicationModule;
