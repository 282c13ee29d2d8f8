/** The pages people land on: sign-in and a home page for each role. */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package com.sladesk.portal;
