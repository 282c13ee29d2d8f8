/** The catalogue of service components that incidents, maintenance and the status page name. */
@ApplicationModule(displayName = "Component catalogue")
package com.sladesk.catalogue;

import org.springframework.modulith.ApplicationModule;
