/** The catalogue of service components that incidents, maintenance and the status page name. */
@org.springframework.modulith.ApplicationModule(displayName = "Component catalogue")
package com.sladesk.catalogue;
