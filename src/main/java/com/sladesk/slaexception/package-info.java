/**
 * SLA exceptions ("Exclusions & Exceptions", 2. Exception Process): written requests with the
 * four criteria, reviewed by an SRE, approved by engineering leadership, active for their period,
 * with the full decision history kept for later review.
 */
@ApplicationModule(displayName = "SLA exceptions")
package com.sladesk.slaexception;

import org.springframework.modulith.ApplicationModule;
