package com.sladeskprobe.billing.internal;

/** Internal to the probe's billing module: no other module may use it. */
public class InvoiceNumbers {

    public String next() {
        return "INV-1";
    }
}
