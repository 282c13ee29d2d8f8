package com.sladesk.slo;

/** The SLI's form: good events over total, bad events over total, or the share of a histogram under a bound. */
public enum SliKind {
    GOOD_TOTAL, BAD_TOTAL, THRESHOLD
}
