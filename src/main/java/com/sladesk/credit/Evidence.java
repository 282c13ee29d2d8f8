package com.sladesk.credit;

/** A file a customer attaches to a claim: its name, the type it says it is (may be null), its bytes. */
public record Evidence(String filename, String declaredType, byte[] content) {
}
