package com.sladesk.catalogue;

/** A component group as other modules and the API see it. */
public record GroupInfo(long id, String name) {
}
