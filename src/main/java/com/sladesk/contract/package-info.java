/**
 * The customer's SLA: plans (contracts) with versioned terms — availability target, credit tiers
 * (a decision table per plan version), claim window, customer-claimed or automatic credits — which
 * plan each organisation is on from which month, and each organisation's own availability over the
 * components its contract covers.
 */
@ApplicationModule(displayName = "SLA plans")
package com.sladesk.contract;

import org.springframework.modulith.ApplicationModule;
