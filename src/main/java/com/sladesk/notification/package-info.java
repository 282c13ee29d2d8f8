/**
 * Every mail the system sends: stored first, in the transaction of the business change that
 * caused it, then delivered over SMTP by a retrying sender with backoff. Nothing is dropped: a
 * mail that cannot be sent now stays visible as undelivered and is tried again.
 */
@ApplicationModule(displayName = "Notifications")
package com.sladesk.notification;

import org.springframework.modulith.ApplicationModule;
