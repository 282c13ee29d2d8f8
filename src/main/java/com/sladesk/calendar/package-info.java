/**
 * The business calendar of the SLA ("Business Days: Monday - Friday, 9:00 AM - 5:00 PM UTC"),
 * with configurable holidays, and due times on either clock: 24×7 or business hours.
 */
@ApplicationModule(displayName = "Business calendar")
package com.sladesk.calendar;

import org.springframework.modulith.ApplicationModule;
