package com.sladesk.postmortem;

/** A blameless postmortem, or the root-cause analysis an exhausted error budget asks of every incident. */
public enum PostmortemKind {
    POSTMORTEM("Postmortem"), RCA("Root cause analysis");

    private final String label;

    PostmortemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
