/**
 * Customers (organisations with their monthly fee, currency and contact addresses) and the people
 * who sign in, each with one {@link com.sladesk.organisation.Role}.
 */
@ApplicationModule(displayName = "Organisations and users")
package com.sladesk.organisation;

import org.springframework.modulith.ApplicationModule;
