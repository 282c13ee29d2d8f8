/**
 * Cross-cutting pieces every feature uses: the one clock (shared with the process engine, so
 * tests move both together), the exceptions that map to HTTP problems, and the error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.sladesk.system;
