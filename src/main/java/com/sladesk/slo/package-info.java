/**
 * Request-based SLOs from the platform's own telemetry (the SLA's "Service Level Objectives"):
 * SLOs as code (versioned, OpenSLO v1 in and out, {@code ops/slos/mahavishnu.yaml} loaded on first
 * start), evaluated every minute from Prometheus's HTTP API by exactly one node, the SLI stored per
 * minute with its gaps, budgets, burn rates and status per SLO, and generated Prometheus rules.
 */
@ApplicationModule(displayName = "Service level objectives")
package com.sladesk.slo;

import org.springframework.modulith.ApplicationModule;
