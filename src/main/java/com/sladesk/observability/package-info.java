/**
 * The SLA's Service Level Indicators as Prometheus metrics with the SLA's own names, and a
 * correlation id on every request, log line and notification.
 */
@ApplicationModule(displayName = "Observability")
package com.sladesk.observability;

import org.springframework.modulith.ApplicationModule;
