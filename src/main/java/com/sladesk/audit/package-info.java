/**
 * The audit log: every decision a person takes, with who and when, written in the transaction
 * of the decision itself and readable by ADMIN only.
 */
@ApplicationModule(displayName = "Audit log")
package com.sladesk.audit;

import org.springframework.modulith.ApplicationModule;
