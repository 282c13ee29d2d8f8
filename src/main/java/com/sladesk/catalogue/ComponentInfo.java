package com.sladesk.catalogue;

/**
 * A service component; {@code beta} components are excluded from SLA calculations; a
 * {@code retired} one keeps its history and takes no new incidents or maintenance; {@code group}
 * is its group's name, or null.
 */
public record ComponentInfo(long id, String code, String name, String description, boolean beta, String group,
        boolean retired) {
}
