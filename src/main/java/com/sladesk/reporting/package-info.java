/** Reading the SLA's numbers: monthly availability with its credit tier, and (later) the SLO report. */
@ApplicationModule(displayName = "Reporting")
package com.sladesk.reporting;

import org.springframework.modulith.ApplicationModule;
