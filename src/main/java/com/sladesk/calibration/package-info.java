/**
 * Annual SLO calibration ("Reporting &amp; Review", 3, and document control): once a year, and on
 * demand, the {@code annual-calibration} process proposes the targets from the year's figures; the
 * SRE lead reviews and adjusts, VP Engineering approves, and the result is a new version of the
 * SLA policy with an effective date.
 */
@ApplicationModule(displayName = "Annual calibration")
package com.sladesk.calibration;

import org.springframework.modulith.ApplicationModule;
