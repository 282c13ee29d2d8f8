/**
 * The audit log: every decision a person takes, with who and when, written in the transaction
 * of the decision itself and readable by ADMIN only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package com.sladesk.audit;
