/**
 * Cross-cutting pieces every feature uses: the one clock (shared with the process engine, so
 * tests move both together), the exceptions that map to HTTP problems, and the error pages.
 */
@ApplicationModule(displayName = "System")
package com.sladesk.system;

import org.springframework.modulith.ApplicationModule;
