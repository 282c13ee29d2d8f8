package com.sladesk.incident;

/** The two targets of each severity. */
public enum SlaTarget {
    RESPONSE, RESOLUTION
}
