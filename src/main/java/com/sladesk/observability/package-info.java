/**
 * The SLA's Service Level Indicators as Prometheus metrics with the SLA's own names, and a
 * correlation id on every request, log line and notification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observability")
package com.sladesk.observability;
