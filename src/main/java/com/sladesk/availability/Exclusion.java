package com.sladesk.availability;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Outage time that did not count, and why; either an incident or a maintenance window. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exclusion(Long incidentId, Long maintenanceId, String reason, BigDecimal minutes) {
}
