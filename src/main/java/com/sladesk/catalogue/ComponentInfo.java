package com.sladesk.catalogue;

/** A service component; {@code beta} components are excluded from SLA calculations. */
public record ComponentInfo(long id, String code, String name, String description, boolean beta) {
}
