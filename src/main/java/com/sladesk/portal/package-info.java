/** The pages people land on: sign-in and a home page for each role. */
@ApplicationModule(displayName = "Portal")
package com.sladesk.portal;

import org.springframework.modulith.ApplicationModule;
