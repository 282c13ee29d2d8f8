package com.sladeskprobe.shop;

import com.sladeskprobe.billing.internal.InvoiceNumbers;

/**
 * A deliberate violation for ModularityTests: the probe's shop module reaches into the billing
 * module's internal package, and the architecture check must refuse it.
 */
public class Checkout {

    private final InvoiceNumbers numbers = new InvoiceNumbers();

    public String pay() {
        return numbers.next();
    }
}
