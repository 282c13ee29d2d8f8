/**
 * Who may do what: form login for pages, HTTP Basic for the API, roles from our own users, and the
 * process engine's identity kept in step with them so task candidate groups work.
 */
@ApplicationModule(displayName = "Security")
package com.sladesk.security;

import org.springframework.modulith.ApplicationModule;
