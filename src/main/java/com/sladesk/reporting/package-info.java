/** Reading the SLA's numbers: monthly availability with its credit tier, and (later) the SLO report. */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package com.sladesk.reporting;
